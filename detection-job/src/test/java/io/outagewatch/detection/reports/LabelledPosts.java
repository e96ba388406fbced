package io.outagewatch.detection.reports;

import java.util.List;

/**
 * The classifier's specification: realistic posts, each labelled complaint or chatter by a person.
 * Every post names a service, as the classifier only ever sees posts that do.
 */
final class LabelledPosts {

    /** One labelled post; {@code language} is the ISO 639-1 code. */
    record LabelledPost(String language, boolean complaint, String text) {
        @Override
        public String toString() {
            return "[" + language + (complaint ? " complaint] " : " chatter] ") + text;
        }
    }

    static final List<LabelledPost> ALL =
            List.of(
                    // English complaints
                    complaint("en", "is chatgpt down?"),
                    complaint("en", "Is GitHub down for anyone else? can't push anything"),
                    complaint("en", "slack not working at all this morning 🙃"),
                    complaint("en", "Discord isn’t working for me, anyone else?"),
                    complaint("en", "ChatGPT is down. Again."),
                    complaint("en", "github down again lmao"),
                    complaint("en", "can't log into slack, it just spins forever"),
                    complaint("en", "cannot login to discord on desktop or mobile"),
                    complaint("en", "can't access chatgpt from the office network or my phone"),
                    complaint("en", "getting errors on github every time I open a PR"),
                    complaint("en", "chatgpt error again, third time this hour"),
                    complaint("en", "discord keeps giving me errors when I send a message"),
                    complaint("en", "github 502 on every single page"),
                    complaint("en", "chatgpt 503 service unavailable, great timing"),
                    complaint("en", "Slack: 502 Bad Gateway. cool cool cool"),
                    complaint("en", "Internal Server Error on ChatGPT again"),
                    complaint("en", "massive github outage right now??"),
                    complaint("en", "discord is dead for me, messages won't send"),
                    complaint("en", "slack is completely broken today"),
                    complaint("en", "#chatgptdown"),
                    complaint("en", "anyone else having issues with discord?"),
                    complaint("en", "github won't load on my laptop"),
                    complaint("en", "ChatGPT stopped responding halfway through my answer"),
                    complaint("en", "Slack is timing out for everyone in our office"),
                    complaint("en", "@github actions down? all our workflows are queued forever"),
                    complaint("en", "Discord down? 😭"),
                    complaint("en", "is it just me or is chatgpt super slow and erroring"),
                    complaint("en", "gh actions runners timing out all morning #githubdown"),
                    complaint("en", "chat gpt not responding at all"),
                    complaint("en", "slack won't connect, says we're offline but wifi is fine"),
                    complaint("en", "discord keeps crashing every time i join a call"),
                    complaint("en", "openai api returning 500s all of a sudden"),
                    complaint("en", "Hey @SlackHQ is slack down? our whole team got logged out"),
                    complaint("en", "github is down for me and my whole team"),
                    complaint("en", "ChatGPT went down in the middle of my exam prep 😤"),
                    complaint("en", "discord not loading at all, just the grey screen"),
                    complaint("en", "Been getting 'Network error' from ChatGPT for 20 minutes"),
                    complaint("en", "slack messages not sending, anyone else?"),
                    complaint("en", "GitHub pages and actions broken rn"),
                    complaint("en", "chatgpt has been down since yesterday, is this normal??"),
                    complaint(
                            "en", "Is GitHub down again? It was down last week too. Unbelievable."),
                    complaint("en", "github down https://www.githubstatus.com still says green"),
                    complaint("en", "chatgpt keeps logging me out every few minutes"),
                    complaint("en", "discord voice keeps cutting out tonight"),
                    complaint("en", "github is having a moment. PRs won't merge"),
                    complaint("en", "chatgpt broken again lmao"),
                    complaint("en", "is discord down or is it my internet"),
                    // Spanish complaints
                    complaint("es", "¿se cayó chatgpt?"),
                    complaint("es", "chatgpt no funciona desde hace una hora"),
                    complaint("es", "discord caído otra vez 😩"),
                    complaint("es", "github no carga nada"),
                    complaint("es", "no puedo entrar a slack, me sale pantalla en blanco"),
                    complaint("es", "¿alguien más tiene problemas con discord?"),
                    complaint("es", "¿Discord está caído o soy yo?"),
                    complaint("es", "chatgpt va muy lento hoy"),
                    // German complaints
                    complaint("de", "Slack geht grad nicht 🙄"),
                    complaint("de", "ChatGPT funktioniert bei mir nicht"),
                    complaint("de", "ist github down?"),
                    complaint("de", "discord ist down, schon wieder"),
                    complaint("de", "Störung bei GitHub? Actions laufen nicht an"),
                    complaint("de", "chatgpt nicht erreichbar seit 10 minuten"),
                    complaint("de", "GitHub hat gerade Probleme"),
                    // French complaints
                    complaint("fr", "discord ne marche pas chez moi"),
                    complaint("fr", "chatgpt ne fonctionne plus depuis ce matin"),
                    complaint("fr", "github est en panne ?"),
                    complaint("fr", "chatgpt est down?"),
                    complaint("fr", "panne slack en cours, super"),
                    complaint("fr", "impossible de me connecter à discord"),
                    complaint("fr", "je n’arrive pas à me connecter à slack"),
                    // Portuguese complaints
                    complaint("pt", "chatgpt caiu?"),
                    complaint("pt", "discord não funciona de jeito nenhum"),
                    complaint("pt", "github fora do ar de novo"),
                    complaint("pt", "slack está fora, alguém mais?"),
                    complaint("pt", "não consigo entrar no discord"),
                    complaint("pt", "discord tá bugado"),
                    // Japanese complaints
                    complaint("ja", "ChatGPT 落ちてる?"),
                    complaint("ja", "discord 繋がらない"),
                    complaint("ja", "GitHub つながらない…"),
                    complaint("ja", "ChatGPT エラー出る"),
                    complaint("ja", "Slack 障害かな"),
                    complaint("ja", "ChatGPT落ちてる"),
                    complaint("ja", "ChatGPT重すぎて使えない"),
                    complaint("ja", "Discordのアプデでエラー出まくり"),

                    // English chatter
                    chatter("en", "download chatgpt desktop, it's actually good"),
                    chatter("en", "downloading the discord app on my new laptop"),
                    chatter("en", "I'm down to try chatgpt for my thesis outline"),
                    chatter("en", "down to test the new github copilot workspace tonight"),
                    chatter("en", "gpu prices going down, time to self-host instead of chatgpt"),
                    chatter("en", "Slack stock down 5% today after earnings"),
                    chatter("en", "chatgpt usage going down over the summer break"),
                    chatter("en", "github down-ranks repos with fake stars now"),
                    chatter("en", "OpenAI announces new voice mode for ChatGPT"),
                    chatter("en", "Breaking: GitHub launches Copilot for everyone"),
                    chatter("en", "BREAKING ChatGPT is down for millions of users worldwide"),
                    chatter("en", "OpenAI raises $6B at a $157B valuation"),
                    chatter("en", "Report: GitHub outage last week cost developers millions"),
                    chatter("en", "ChatGPT is the best study buddy ever"),
                    chatter("en", "chatgpt helped me debug a nasty segfault in 5 minutes"),
                    chatter("en", "I love Discord's new soundboard"),
                    chatter("en", "News: Slack outage yesterday traced to a bad config push"),
                    chatter(
                            "en",
                            "The Discord outage last month was caused by a database migration"
                                    + " https://discordstatus.com/incidents/x1"),
                    chatter("en", "chatgpt explained the 502 error my nginx was throwing"),
                    chatter("en", "got timed out on discord for spamming emotes lol"),
                    chatter("en", "calm down, chatgpt isn't going to take your job"),
                    chatter("en", "anyone down for a discord call tonight?"),
                    chatter("en", "scroll down to the github section of my portfolio"),
                    chatter("en", "Altman says OpenAI is not working on GPT-6 yet"),
                    chatter("en", "my code doesn't work but chatgpt helped me find the bug"),
                    chatter("en", "discord is the best place to find a study group"),
                    chatter("en", "ChatGPT went down last night for an hour, back up now"),
                    chatter(
                            "en",
                            "OpenAI explains what caused Tuesday's ChatGPT outage"
                                    + " https://openai.com/index/incident-report"),
                    chatter("en", "github was down for 20 minutes but it's back up now"),
                    chatter("en", "github isn't down for me, check your vpn"),
                    chatter("en", "thumbs down on the new slack sidebar, bring back the old one"),
                    chatter("en", "#markdown tables in github issues are so handy"),
                    chatter("en", "discord tonight? i'm down!"),
                    chatter("en", "are you down? hop on discord"),
                    chatter("en", "I was down bad for discord nitro"),
                    chatter("en", "chatgpt is down bad for compliments"),
                    chatter("en", "my discord server is dead lol nobody talks"),
                    chatter("en", "Slack stock down today after earnings"),
                    chatter("en", "i asked chatgpt why my server returns 503 and it nailed it"),
                    chatter("en", "Remember when slack went down for a whole day? good times"),
                    chatter("en", "openai is not going down without a fight"),
                    chatter("en", "can't open discord at work, it's blocked"),
                    chatter("en", "discord going down for maintenance tonight at 2am"),
                    chatter("en", "how do I know if slack is down?"),
                    // Spanish chatter
                    chatter("es", "descargando chatgpt en el celu nuevo"),
                    chatter("es", "chatgpt es lo mejor para estudiar"),
                    chatter("es", "chatgpt me ayudó a encontrar un error en mi código"),
                    chatter("es", "las acciones ligadas a openai cayeron un 5%"),
                    chatter("es", "me encanta el nuevo diseño de discord"),
                    chatter("es", "chatgpt es un caído del cielo"),
                    chatter("es", "discord no me deja entrar al servidor, me banearon"),
                    // German chatter
                    chatter("de", "Es geht nicht um ChatGPT, sondern um Datenschutz"),
                    chatter("de", "ChatGPT herunterladen und ausprobieren lohnt sich"),
                    chatter("de", "Die Störung bei GitHub gestern hat uns Stunden gekostet"),
                    chatter("de", "ich liebe discord einfach"),
                    chatter("de", "OpenAI kündigt neues Modell für ChatGPT an"),
                    // French chatter
                    chatter("fr", "télécharger chatgpt sur mac, c'est simple"),
                    chatter("fr", "franchement chatgpt marche pas mal pour traduire"),
                    chatter("fr", "la panne de github la semaine dernière a coûté cher"),
                    chatter("fr", "chatgpt est génial pour réviser"),
                    chatter("fr", "OpenAI lève 6 milliards de dollars"),
                    chatter("fr", "La panne de Slack est terminée"),
                    // Portuguese chatter
                    chatter("pt", "baixando o chatgpt no celular"),
                    chatter("pt", "o preço do chatgpt plus caiu pra 10 dólares?"),
                    chatter("pt", "amo o discord"),
                    chatter("pt", "o chatgpt é incrível pra estudar"),
                    chatter("pt", "a queda do github ontem atrasou todo mundo"),
                    // Japanese chatter
                    chatter("ja", "ChatGPTのおかげでエラーが解決した"),
                    chatter("ja", "Discordをダウンロードした"),
                    chatter("ja", "ChatGPT最高すぎる"),
                    chatter("ja", "先週のGitHubの障害、結局なんだったの"),
                    chatter("ja", "障害者支援にChatGPTを使っています"),
                    chatter("ja", "GitHub 障害 復旧したっぽい"),
                    chatter("ja", "ChatGPTに聞いたらエラーの原因わかった"));

    private LabelledPosts() {}

    static List<LabelledPost> complaints() {
        return ALL.stream().filter(LabelledPost::complaint).toList();
    }

    static List<LabelledPost> chatter() {
        return ALL.stream().filter(post -> !post.complaint()).toList();
    }

    private static LabelledPost complaint(String language, String text) {
        return new LabelledPost(language, true, text);
    }

    private static LabelledPost chatter(String language, String text) {
        return new LabelledPost(language, false, text);
    }
}
