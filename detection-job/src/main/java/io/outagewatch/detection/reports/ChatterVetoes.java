package io.outagewatch.detection.reports;

import static io.outagewatch.detection.reports.ComplaintPhrases.END;
import static io.outagewatch.detection.reports.ComplaintPhrases.START;
import static io.outagewatch.detection.reports.ComplaintPhrases.phrase;

import io.outagewatch.events.NormalizedText;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Signs that a post which sounds like a complaint is something else: news, markets, slang, the
 * past, a recovery or praise. Post vetoes look at the whole post (headlines), sentence vetoes at
 * the sentence that sounded like a complaint.
 */
final class ChatterVetoes {

    // any: "Breaking: ...", "Report: ...", "News: ...", "Eilmeldung: ...", "速報:"
    static final Pattern HEADLINE_PREFIX =
            phrase(
                    "^\\P{L}*(?:(?:breaking|report|news|just in|exclusive|eilmeldung|última hora"
                            + "|ultima hora|urgente|urgent)\\s?(?:news\\s?)?[:|\\-–—]"
                            + "|breaking news"
                            + END
                            + "|速報)");

    // en: "BREAKING OpenAI ..." is a headline; "breaking my head over ..." is not. Runs on the
    // original text, as only the capitals tell them apart.
    static final Pattern SHOUTED_BREAKING = Pattern.compile("^\\P{L}*BREAKING(?!\\p{L})");

    // any: a headline's subject-verb lead: "OpenAI announces ...", "Slack raises $..."
    static final Pattern HEADLINE_LEAD =
            phrase(
                    "^\\P{L}*(?:[\\w@#.'&-]+\\s){1,3}"
                            + "(?:announces|launches|unveils|introduces|acquires|partners with"
                            + "|rolls out|hires|sues|debuts|secures|lays off|teams up with"
                            + "|is valued|raises\\s(?:\\$|€|£|\\d|funding|money|prices|capital)"
                            + "|anuncia|lanza|presenta|recauda|adquiere|annonce|lance|dévoile|lève"
                            + "|présente|rachète|kündigt|startet|übernimmt|sammelt|lança|arrecada"
                            + "|adquire)"
                            + END
                            + "|発表");

    // any: a linked post written like a report (a reporting verb, no "I", "we" or "you")
    static final Pattern REPORTED_SPEECH =
            phrase(
                    "^(?!.*"
                            + START
                            + "(?:i|i'm|im|me|my|we|we're|our|us|you|your|u|anyone|anybody|ich"
                            + "|mir|mein|wir|yo|mi|je|moi|mon|eu|meu|minha)"
                            + "(?![\\w']))(?!.*(?:私|僕|俺))"
                            + "(?=.*"
                            + START
                            + "(?:reports?|reported|confirms|confirmed|explains"
                            + "|explained|reveals|revealed|according to|postmortem|post-mortem"
                            + "|root cause|what happened|caused|cost|costs|blames|blamed|details"
                            + "|analysis|via|announces|launches)"
                            + END
                            + ")");

    // en: "I'm down to try chatgpt", "anyone down for a discord call", "down to test X tonight"
    static final Pattern WILLING_DOWN =
            phrase(
                    START
                            + "(?:(?:i'm|im|i am|count me|you|u|ya|y'all|yall)"
                            + "\\s(?:(?:so|totally|always|definitely|def|still|kinda|also)\\s)?"
                            + "down(?![\\w-])"
                            + "|(?:we're|we are|who's|whos|anyone|anybody|they're|everyone)"
                            + "\\s(?:(?:so|totally|always|definitely|def|still|kinda|also)\\s)?"
                            + "down\\s(?:to|for)"
                            + END
                            + "|down\\s(?:to|for)\\s(?:try|test|play|hang|chat|game|call|join"
                            + "|collab|meet|grab|watch|stream|build|hack|pair|vc|help)"
                            + END
                            + ")|^down\\s(?:to|for)"
                            + END);

    // any: prices, stocks and usage moving: "prices going down", "acciones cayeron", "株価が下落"
    static final Pattern MARKET_MOVE =
            phrase(
                    START
                            + "(?:prices?|pricing|stocks?|shares|share price|valuation|market cap"
                            + "|usage|traffic|revenue|sales|subscribers|ratings?|rankings?"
                            + "|engagement|precios?|acciones|bolsa|aktien?|kurs|preise?|prix"
                            + "|bourse|preços?|ações)"
                            + END
                            + "[^.!?]{0,40}?(?:(?<![\\w-])down(?![\\w-])|(?:dropp?(?:ed|ing|s)?"
                            + "|fell|falls|falling|plunged?|plunges|slump(?:s|ed)?|cay[oó]|cayeron"
                            + "|caen|cae|baj[oó]|bajan|baja|fällt|gefallen|sinkt|gesunken"
                            + "|baisse|chute|chuté|caiu|caíram|cairam|caindo)"
                            + END
                            + ")"
                            + "|株価?.{0,20}?(?:落ち|下落|下が)");

    // en: "stock down 5%", "down 12 points"
    static final Pattern DOWN_BY_AMOUNT =
            phrase(
                    "(?<![\\w-])down\\s(?:by\\s)?\\d+(?:[.,]\\d+)?\\s?(?:%|percent|pct|points"
                            + "|pts|bps)");

    // any: an outage told in the past: "the outage last week", "la panne d'hier", "先週の障害"
    static final Pattern PAST_OUTAGE =
            phrase(
                    "^(?=.*(?:(?<![\\w-])(?:outages?|downtime|incident|was down|were down"
                            + "|went down|disruption|störung|ausfall|panne|caída|caida|queda"
                            + "|caiu|se cayó|se cayo)(?![\\w-])|障害|落ちた))"
                            + "(?=.*(?:(?<!(?:since|depuis|seit|desde|from)\\s)"
                            + START
                            + "(?:last (?:week|month|year|night|weekend|time|friday|monday"
                            + "|tuesday|wednesday|thursday|saturday|sunday)|yesterday(?:'s)?"
                            + "|earlier this (?:week|month|year)|\\d+ (?:days|weeks|months|years)"
                            + " ago|a (?:week|month|year) ago|back in|in 20\\d\\d|of 20\\d\\d"
                            + "|gestern|letzte woche|letzten monat|vorige woche|d'hier"
                            + "|hier (?:soir|matin)|la semaine dernière|le mois dernier|ayer"
                            + "|la semana pasada|el mes pasado|ontem|semana passada|mês passado"
                            + "|remember when|back when)"
                            + END
                            + "|先週|先月|昨日(?!から)|去年))");

    // any: the service is back: "back up now", "funktioniert wieder", "復旧した"
    static final Pattern RECOVERED =
            phrase(
                    START
                            + "(?:back up|back online|back to normal|working again|up again"
                            + "|it's back|its back|recovered|resolved|fixed now|funciona de nuevo"
                            + "|ya funciona|volvió|geht wieder|funktioniert wieder|läuft wieder"
                            + "|remarche|fonctionne à nouveau|est revenu|terminée?|résolue?|rétablie?"
                            + "|voltou|já funciona|behoben|restablecido)"
                            + END
                            + "|復旧|直った|治った");

    // any: the service fixed the user's problem: "chatgpt helped me debug", "explained the error"
    static final Pattern HELPED_WITH_PROBLEM =
            phrase(
                    START
                            + "(?:(?:fix|fixed|fixes|fixing|solve|solved|solves|solving|debug"
                            + "|debugged|debugs|debugging|explain|explained|explains|explaining"
                            + "|resolve)"
                            + "\\s(?:\\S+\\s){0,3}?(?:errors?|bugs?|issues?|problems?)"
                            + "|helped\\s(?:me\\s)?(?:to\\s)?(?:debug|fix|solve|find|understand)"
                            + "|me ayudó|me ayudo|me ha ayudado|hat mir geholfen"
                            + "|hat geholfen|hilft mir|m'a aidé|me ajudou)"
                            + END
                            + "|(?<!未)解決");

    // en: moderators timing a user out on Discord: "got timed out for spamming"
    static final Pattern MODERATION_TIMEOUT =
            phrase(
                    "^(?=.*(?:timed out|timeout|time out|timing out))(?=.*"
                            + START
                            + "(?:mods?|moderators?|admins?|banned|muted|spamming|spam|kicked)"
                            + END
                            + ")");

    // en: "not working on GPT-6" is about a roadmap, not an outage
    static final Pattern NOT_WORKING_ON_PRODUCT =
            phrase(
                    START
                            + "not\\s(?:(?:currently|actively|yet)\\s)?working\\son\\s"
                            + "(?:(?:a|an|any|the)\\s)?(?:new\\s|next\\s)?(?:gpt|model|version"
                            + "|feature|product|successor|sequel)");

    // en: "github isn't down for me", "openai is not going down without a fight"
    static final Pattern NOT_DOWN =
            phrase(
                    START
                            + "(?:not|isn't|isnt|aren't|arent|wasn't|never|no longer)"
                            + "\\s(?:(?:even|actually|going|gonna go|go|goes)\\s)?down(?![\\w-])");

    // en: a quiet community, not a failing service: "my discord server is dead, nobody talks"
    static final Pattern QUIET_COMMUNITY =
            phrase(
                    START
                            + "(?:(?:server|community|channel|chat|group|timeline|feed)"
                            + "\\s(?:is|'s)\\s(?:\\S+\\s)?dead|(?:nobody|no one|noone)"
                            + "\\s(?:talks|posts|chats|replies|is online))"
                            + END);

    // any: the user asked the service something, so it answered: "asked chatgpt why ..."
    static final Pattern ASKED_THE_SERVICE =
            phrase(
                    START
                            + "(?:asked|ask|asking)\\s\\S+\\s(?:why|how|what|about|to|for|if"
                            + "|whether)"
                            + END
                            + "|に聞いたら|に聞いて|に質問");

    // any: access refused on purpose, not an outage: "it's blocked at work", "me banearon"
    static final Pattern BLOCKED_OR_BANNED =
            phrase(
                    START
                            + "(?:blocked (?:at|by|in|on)|(?:it's|is|got|gets|been) blocked"
                            + "|firewall|banned|me banearon|baneado|gesperrt|bloqué|bloqueado)"
                            + END);

    // en: maintenance announced ahead: "going down for maintenance tonight"
    static final Pattern SCHEDULED_MAINTENANCE =
            phrase(
                    START
                            + "(?:(?:scheduled|planned) maintenance|maintenance (?:tonight"
                            + "|tomorrow|window|on|at|from|between))"
                            + END);

    // en: about finding out, not reporting: "how do I know if slack is down?", "checks if"
    static final Pattern HOW_TO_CHECK =
            phrase(
                    START
                            + "(?:know|tell|check|checks|monitor|monitors|detect|detects)"
                            + "\\s(?:if|whether|when)"
                            + END);

    static final List<Pattern> POST_VETOES = List.of(HEADLINE_PREFIX, HEADLINE_LEAD);

    static final List<Pattern> SENTENCE_VETOES =
            List.of(
                    WILLING_DOWN,
                    MARKET_MOVE,
                    DOWN_BY_AMOUNT,
                    PAST_OUTAGE,
                    RECOVERED,
                    HELPED_WITH_PROBLEM,
                    MODERATION_TIMEOUT,
                    NOT_WORKING_ON_PRODUCT,
                    NOT_DOWN,
                    QUIET_COMMUNITY,
                    ASKED_THE_SERVICE,
                    BLOCKED_OR_BANNED,
                    SCHEDULED_MAINTENANCE,
                    HOW_TO_CHECK);

    private ChatterVetoes() {}

    static boolean vetoPost(NormalizedText post) {
        if (SHOUTED_BREAKING.matcher(post.original()).find()) {
            return true;
        }
        if (post.hadUrl() && REPORTED_SPEECH.matcher(post.text()).find()) {
            return true;
        }
        return anyIn(POST_VETOES, post.text());
    }

    static boolean vetoSentence(String sentence) {
        return anyIn(SENTENCE_VETOES, sentence);
    }

    private static boolean anyIn(List<Pattern> vetoes, String text) {
        for (Pattern veto : vetoes) {
            if (veto.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }
}
