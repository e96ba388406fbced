package io.outagewatch.detection.reports;

import io.outagewatch.events.NormalizedText;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Phrases people use when a service fails them, one named pattern each, labelled by language. They
 * run on one sentence of {@link NormalizedText} and do not know which word is the service, so each
 * describes the failure ("not working", "se cayó") rather than the service.
 */
final class ComplaintPhrases {

    /** Word boundaries for Latin-script phrases; Japanese phrases go without, having no spaces. */
    static final String START = "(?<!\\w)";

    static final String END = "(?!\\w)";

    /**
     * "down" meaning offline: not part of a hyphenated word ("down-ranks") and not the particle of
     * a phrasal verb ("calm down", "let me down", "thumbs down"). The literal comes before the long
     * phrasal-verb lookbehind so the engine tries that list only where "down" occurs, not at every
     * character.
     */
    static final String DOWN =
            "(?<![\\w-])down(?![\\w-])(?!\\sbad"
                    + END
                    + ")(?<!\\b(?:calm|slow|slows|slowed|slowing|tone|toned|water|watered|dumb|dumbed|narrow"
                    + "|narrowed|scale|scaled|scaling|wind|winding|step|stepped|stepping|sit|sat|lay"
                    + "|laid|lie|write|wrote|jot|note|track|tracked|hunt|hunted|pin|pinned|boil|boils"
                    + "|break|breaks|breaking|broke|let|lets|letting|turn|turned|turning|turns|put|puts"
                    + "|putting|shut|shuts|shutting|count|crack|cracked|clamp|clamped|upside|thumb"
                    + "|thumbs|scroll|scrolled|scrolling|look|looks|looked|looking|bring|brought|cool"
                    + "|hands|settle|settled|feel|feels|feeling|felt|back|backed|lock|locked|mark"
                    + "|marked|vote|voted|weigh|weighed|tie|tied|nail|nailed|hold|held|burn|burned"
                    + "|burnt|knock|knocked|wash|washed|kick|kicked|wear|wore|worn|trickle|trickled"
                    + "|sell|sold|pare|pared)\\s(?:(?:it|them|this|that|me|us|him|her|you|things"
                    + "|everything)\\s)?down)";

    // en: "is chatgpt down", "github is down", "went down again", "ist X down" (de), "est down"
    // (fr)
    static final Pattern BE_VERB_DOWN =
            phrase(
                    START
                            + "(?:is|are|am|was|were|it's|its|be|been|being|goes|going|gone|went"
                            + "|ist|sind|est|sont|está|esta|están|estan|tá|ta|estão)"
                            + "\\s(?:[^\\s.!?]+\\s){0,3}?"
                            + DOWN
                            + "(?!\\s(?:to|by)"
                            + END
                            + "|\\s\\d)");

    // en: "discord down?", "github down again", "slack down rn", "actions down, builds failing"
    static final Pattern DOWN_AT_CLAUSE_END =
            phrase(
                    DOWN
                            + "(?=\\s?(?:$|[?!.,;:…)\\]#@]|\\p{So}|\\p{Sk})"
                            + "|\\s(?:again|rn|right now|atm|at the moment|today|tonight|now"
                            + "|currently|still|everywhere|globally|worldwide|completely|hard|lol"
                            + "|lmao|lmfao|ugh|smh|wtf|bruh|too|as well|or is it|or just me|since"
                            + "|for (?:me|anyone|everyone|everybody|anybody|you|us|all|others"
                            + "|hours|ages|over|the|\\d+|an? (?:hour|while|bit|minute|few|couple"
                            + "|day))|across|in (?:the )?(?:us|eu|europe|asia|india|uk))"
                            + END
                            + ")");

    // any: "#chatgptdown", "#githuboutage"; the veto list keeps "#countdown" and "#markdown" out
    static final Pattern HASHTAG_DOWN =
            phrase(
                    "#(?!(?:count|melt|lock|smack|show|break|crack|mark|slow|thumbs|touch|sun|shut"
                            + "|low|throw|cool|knock|run|let|sit|take|step|wind|hand|face|upside|top"
                            + "|get|quiet|clamp|lie|wrap|pull|hoe|calm|boil|chill)down"
                            + END
                            + ")\\w+(?:down|outage|outages|notworking)"
                            + END);

    // en: "not working", "isn't loading", "stopped responding", "not sending"
    static final Pattern NOT_WORKING =
            phrase(
                    START
                            + "(?:not|isn't|isnt|aren't|arent|ain't|aint|stopped|quit|no longer)"
                            + "\\s(?:(?:even|really|currently|properly|fully)\\s)?"
                            + "(?:working|loading|responding|connecting|syncing|sending|opening"
                            + "|starting|launching|updating|logging in|signing in)"
                            + END);

    // en: "doesn't work", "won't load", "can't open"; "doesn't work at github" is about a job
    static final Pattern WONT_WORK =
            phrase(
                    START
                            + "(?:doesn't|doesnt|does not|won't|wont|will not|can't|cant|cannot"
                            + "|didn't)\\s(?:(?:even|seem to|want to)\\s)?"
                            + "(?:work|load|open|connect|respond|start|launch|sync|send|refresh)"
                            + END
                            + "(?!\\s(?:at|there|here)"
                            + END
                            + ")");

    // en: "can't log into slack", "cannot login to discord", "can't access chatgpt"
    static final Pattern CANNOT_GET_IN =
            phrase(
                    START
                            + "(?:can't|cant|cannot|can not|unable to|couldn't|could not"
                            + "|not able to|impossible to|won't let me|wont let me|doesn't let me)"
                            + "\\s(?:(?:even|seem to|get it to)\\s)?"
                            + "(?:log into|log in|login|log on|sign into|sign in|signin|access"
                            + "|connect|reach|load|open|push|pull|clone|get into|get in|send|post"
                            + "|upload)"
                            + END);

    // en: "errors on github", "chatgpt error: ...", "slack error again"; not "my error", "an
    // error".
    // The determiner lookbehind follows the literal for the same speed reason as DOWN.
    static final Pattern ERROR_REPORT =
            phrase(
                    START
                            + "errors?"
                            + "(?<!\\b(?:my|an|a|the|this|that|your|his|her|our|their|syntax|type"
                            + "|compile|compiler|logic|logical|user|human|rounding|huge|big|small"
                            + "|minor|silly|stupid|dumb|factual|math|basic|common|obvious|grammar"
                            + "|spelling|typing|honest|simple|classic|same|one|no|any)\\serrors?)"
                            + "(?=\\s?(?:$|[:!?,]|\\p{So})|\\s(?:again|rn|today|every time"
                            + "|everywhere|message|messages|code|codes|popup|page|screen|when"
                            + "|while|trying|loading|on(?!\\sline)|\\d)"
                            + END
                            + ")");

    // en: "getting errors", "keeps giving me errors", "throwing 500 errors"
    static final Pattern GETTING_ERRORS =
            phrase(
                    START
                            + "(?:getting|get|gets|got|seeing|hitting|throwing|throws|threw"
                            + "|returning|returns|spitting out|showing|giving me|gives me|gave me)"
                            + "\\s(?:\\S+\\s){0,2}?errors?"
                            + END);

    // en: the error pages and banners services show while failing
    static final Pattern ERROR_MESSAGE =
            phrase(
                    START
                            + "(?:something went wrong|something has gone wrong|an error occurred"
                            + "|an error has occurred|error occurred|network error|server error"
                            + "|bad gateway|service unavailable|gateway time-?out|too many requests"
                            + "|failed to (?:load|fetch|connect|send)|unable to (?:load|connect"
                            + "|reach)|error in (?:message|body) stream|at capacity|rate limited"
                            + "|error\\s?(?:code)?\\s?:?\\s?\\d{3,4})"
                            + END);

    // any: "502", "503s", "5xx", "429"; not "$500" or "500 million"
    static final Pattern HTTP_FAILURE_STATUS =
            phrase(
                    "(?<![\\w$€£.,:/])(?:50[0-4]|5xx|429)s?"
                            + "(?![\\w%])(?!\\s(?:million|billion|thousand|users|people|dollars"
                            + "|euros|followers|stars|ms|mb|gb|per)"
                            + END
                            + ")");

    // en: "timing out", "timed out", "gateway timeout"
    static final Pattern TIMING_OUT =
            phrase(
                    START
                            + "(?:timing out|timed out|times out|timeouts|timeout errors?"
                            + "|request timeout|connection timeout|gateway timeout)"
                            + END);

    // en: "keeps crashing", "just crashed", "keeps logging me out", "voice keeps cutting out"
    static final Pattern KEEPS_FAILING =
            phrase(
                    START
                            + "(?:(?:keeps|keep|kept|just|constantly|always|has|have|app|client"
                            + "|randomly)\\s(?:(?:on|been)\\s)?crash(?:ed|es|ing)?"
                            + "|crashing (?:again|constantly|nonstop|every)"
                            + "|(?:keeps|keep|kept)\\s(?:on\\s)?(?:logging me out|signing me out"
                            + "|kicking me out|disconnecting|cutting out|dropping|freezing|failing"
                            + "|erroring|reconnecting|spinning))"
                            + END);

    // en: "is dead", "completely broken", "unusable today", "chatgpt's dead"
    static final Pattern BROKEN =
            phrase(
                    "(?:"
                            + START
                            + "(?:is|are|it's|its|seems|looks|so|totally|completely|still|all"
                            + "|fully|just|feels)|'s)"
                            + "\\s(?:(?:so|totally|completely|fully|just|kinda|literally|all)\\s)?"
                            + "(?:broken|dead|borked|busted|hosed|unusable|unresponsive)"
                            + END
                            + "|"
                            + START
                            + "(?:broken|unusable|unresponsive)"
                            + "(?=\\s?(?:$|[?!]|\\p{So})|\\s(?:again|rn|today|for)"
                            + END
                            + ")");

    // en: "so slow today", "lagging", "laggy"
    static final Pattern SLOW =
            phrase(
                    START
                            + "(?:(?:so|super|really|very|extremely|insanely|painfully|unbearably"
                            + "|incredibly|crazy)\\s(?:slow|laggy)|lagging|laggy)"
                            + END);

    // en: "outage", "downtime", "degraded performance"
    static final Pattern OUTAGE =
            phrase(
                    "(?<![\\w-])(?:outages?|downtime|service disruption|degraded"
                            + " (?:performance|service))(?![\\w-])");

    // en: "anyone else having issues with discord", "experiencing problems", "having a moment"
    static final Pattern HAVING_ISSUES =
            phrase(
                    START
                            + "(?:(?:having|getting|experiencing|seeing|facing|running into|hitting)"
                            + "\\s(?:\\S+\\s){0,2}?(?:issues|problems|trouble|troubles"
                            + "|difficulties)|having (?:a|another) moment)"
                            + END);

    // en: "is it just me or is chatgpt super slow and erroring"
    static final Pattern JUST_ME =
            phrase(
                    START
                            + "(?:just me or|just me\\?|only me or)"
                            + ".*(?:slow|broken|down|not|issues|problems|errors?|erroring|lag"
                            + "|laggy|failing)"
                            + END);

    // es: "¿se cayó chatgpt?", "se cae todo", "se ha caído github"
    static final Pattern ES_SE_CAYO =
            phrase(
                    START
                            + "se\\s(?:\\S+\\s){0,2}?(?:cayó|cayo|cae|cayeron|caen|ha caído"
                            + "|ha caido|han caído|han caido)"
                            + END);

    // es: "discord caído", "está caída"; not "caído del cielo" (a godsend)
    static final Pattern ES_CAIDO = phrase(START + "ca[ií]d[oa]s?" + END + "(?!\\sdel cielo)");

    // es: "no funciona", "no carga", "no me abre"
    static final Pattern ES_NO_FUNCIONA =
            phrase(
                    START
                            + "no\\s(?:(?:me|te|le|nos|les|está|esta|están|estan)\\s)?"
                            + "(?:funciona|funcionan|funcionando|anda|andan|carga|cargan"
                            + "|cargando|abre|abren|conecta|conectan|responde|responden)"
                            + END);

    // es: "no puedo entrar a slack", "no me deja iniciar sesión"
    static final Pattern ES_NO_PUEDO =
            phrase(
                    START
                            + "no\\s(?:puedo|podemos|pude|puede|pueden|me deja|nos deja|logro)"
                            + "\\s(?:\\S+\\s)?(?:entrar|acceder|conectar|conectarme"
                            + "|iniciar sesión|iniciar sesion|loguearme|loguear|ingresar|abrir"
                            + "|cargar|mandar|enviar)"
                            + END);

    // es: "errores en chatgpt", "problemas con discord", "está fallando", "anda lento"
    static final Pattern ES_FALLA =
            phrase(
                    START
                            + "(?:(?:error|errores|fallos?|fallas|problemas?)\\s(?:en|con|al)"
                            + "|fallando|no sirve|(?:anda|va|está|esta|muy|super)\\s(?:muy\\s)?"
                            + "lent[oa])"
                            + END);

    // de: "slack geht nicht", "geht gerade nicht"; not "es geht nicht um ..." (it is not about)
    static final Pattern DE_GEHT_NICHT =
            phrase(
                    START
                            + "geht\\s(?:\\S+\\s){0,3}?(?:nicht|nich|net|nix)"
                            + END
                            + "(?!\\s(?:um|darum|so)"
                            + END
                            + ")");

    // de: "funktioniert nicht", "lädt nicht", "Actions laufen nicht"
    static final Pattern DE_FUNKTIONIERT_NICHT =
            phrase(
                    START
                            + "(?:funktioniert|funktionieren|läuft|laufen|lädt|laden)"
                            + "\\s(?:\\S+\\s){0,3}?(?:nicht|nich|net|kaum)"
                            + END);

    // de: "Störung bei GitHub", "Ausfall", "nicht erreichbar", "hat gerade Probleme"
    static final Pattern DE_STOERUNG =
            phrase(
                    START
                            + "(?:störung|störungen|stoerung|ausfall|ausfälle|ausgefallen"
                            + "|nicht erreichbar|keine verbindung|fehlermeldung|fehlermeldungen"
                            + "|serverfehler|(?:hat|haben|macht|machen)\\s(?:\\S+\\s)?probleme)"
                            + END);

    // de: "kann mich nicht einloggen"
    static final Pattern DE_KANN_NICHT =
            phrase(
                    START
                            + "(?:kann|können|konnte)\\s(?:\\S+\\s){0,3}?nicht\\s(?:mehr\\s)?"
                            + "(?:einloggen|anmelden|verbinden|laden|öffnen|zugreifen|rein"
                            + "|senden|pushen)"
                            + END);

    // fr: "ne marche pas", "fonctionne plus"; not "marche pas mal" (works rather well)
    static final Pattern FR_MARCHE_PAS =
            phrase(
                    START
                            + "(?:marche|marchent|fonctionne|fonctionnent|répond|repond|charge"
                            + "|chargent)\\s(?:pas|plus)"
                            + END
                            + "(?!\\smal"
                            + END
                            + ")");

    // fr: "est en panne", "panne slack", "ça bugue", "slack rame" (crawls)
    static final Pattern FR_PANNE =
            phrase(
                    START
                            + "(?:pannes?|en rade|plantée?s?|bugue|beugue|beug|bug encore|rame"
                            + "|rament)"
                            + END);

    // fr: "impossible de me connecter à discord", "j'arrive pas à me connecter"
    static final Pattern FR_CONNEXION =
            phrase(
                    START
                            + "(?:impossible\\sd(?:e\\s|')|arrive\\s(?:pas|plus)\\s(?:à|a)\\s)"
                            + "(?:me\\s|se\\s|m')?(?:connecter|accéder|acceder|charger|ouvrir"
                            + "|envoyer|entrer)"
                            + END);

    // pt: "chatgpt caiu?", "caiu de novo", "queda do github"
    static final Pattern PT_CAIU =
            phrase(
                    START
                            + "(?:caiu|caíu|caindo|caíram|cairam|quedas?\\s(?:do|da|no|na|geral))"
                            + END);

    // pt: "não funciona", "não tá carregando", "tá bugado", "está travando"
    static final Pattern PT_NAO_FUNCIONA =
            phrase(
                    START
                            + "(?:n[ãa]o\\s(?:(?:t[áa]|est[áa]|tão|estão)\\s)?"
                            + "(?:funciona|funcionam|funcionando|carrega|carregam|carregando"
                            + "|abre|conecta|conectando|responde|respondendo|entra)"
                            + "|(?:tá|ta|está|esta)\\s(?:muito\\s)?(?:bugado|travando|lento))"
                            + END);

    // pt: "fora do ar", "está fora"; not "está fora de questão" (out of the question)
    static final Pattern PT_FORA_DO_AR =
            phrase(
                    START
                            + "(?:fora do ar|(?:est[áa]|t[áa]|ficou)\\sfora(?!\\sde"
                            + END
                            + "))"
                            + END);

    // pt: "não consigo entrar no discord"
    static final Pattern PT_NAO_CONSIGO =
            phrase(
                    START
                            + "n[ãa]o\\s(?:consigo|consegui|conseguimos|dá pra|da pra)"
                            + "\\s(?:\\S+\\s)?(?:entrar|acessar|logar|conectar|abrir|carregar"
                            + "|enviar|mandar)"
                            + END);

    // ja: "落ちてる" (is down), "落ちてない?" (isn't it down?), "鯖落ち" (server down)
    static final Pattern JA_OCHITERU =
            phrase("落ちてる|落ちている|落ちた|落ちてない\\?|鯖落ち|ダウン(?!ロード)(?:してる|している|した|中)");

    // ja: "繋がらない" (can't connect), "ログインできない" (can't log in), "動かない" (doesn't run)
    static final Pattern JA_TSUNAGARANAI =
            phrase("繋がらない|つながらない|接続できない|ログインできない|開けない|開かない|使えない|使えなくて|動かない|読み込まない|反応しない|重すぎ");

    // ja: "エラー" (error), "障害" (outage; not 障害者, disabled person), "不具合" (malfunction)
    static final Pattern JA_SHOUGAI = phrase("エラー|障害(?!者)|不具合");

    static final List<Pattern> ALL =
            List.of(
                    BE_VERB_DOWN,
                    DOWN_AT_CLAUSE_END,
                    HASHTAG_DOWN,
                    NOT_WORKING,
                    WONT_WORK,
                    CANNOT_GET_IN,
                    ERROR_REPORT,
                    GETTING_ERRORS,
                    ERROR_MESSAGE,
                    HTTP_FAILURE_STATUS,
                    TIMING_OUT,
                    KEEPS_FAILING,
                    BROKEN,
                    SLOW,
                    OUTAGE,
                    HAVING_ISSUES,
                    JUST_ME,
                    ES_SE_CAYO,
                    ES_CAIDO,
                    ES_NO_FUNCIONA,
                    ES_NO_PUEDO,
                    ES_FALLA,
                    DE_GEHT_NICHT,
                    DE_FUNKTIONIERT_NICHT,
                    DE_STOERUNG,
                    DE_KANN_NICHT,
                    FR_MARCHE_PAS,
                    FR_PANNE,
                    FR_CONNEXION,
                    PT_CAIU,
                    PT_NAO_FUNCIONA,
                    PT_FORA_DO_AR,
                    PT_NAO_CONSIGO,
                    JA_OCHITERU,
                    JA_TSUNAGARANAI,
                    JA_SHOUGAI);

    private ComplaintPhrases() {}

    static boolean anyIn(String sentence) {
        for (Pattern phrase : ALL) {
            if (phrase.matcher(sentence).find()) {
                return true;
            }
        }
        return false;
    }

    /** Unicode-aware \w and \b, so "caído" and "störung" are single words. */
    static Pattern phrase(String regex) {
        return Pattern.compile(regex, Pattern.UNICODE_CHARACTER_CLASS);
    }
}
