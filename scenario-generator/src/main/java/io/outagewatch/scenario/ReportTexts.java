package io.outagewatch.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/** The post templates, by kind and language, and the language mix of each kind. */
public final class ReportTexts {

    private static final Map<String, List<String>> COMPLAINTS =
            Map.of(
                    "en",
                    List.of(
                            "is {s} down?",
                            "{s} is down again",
                            "anyone else getting errors on {s}?",
                            "{s} not loading for me",
                            "{s} down?? I have a deadline in an hour",
                            "can't log in to {s}, keeps failing",
                            "{s} giving me 502 errors",
                            "is it just me or is {s} broken right now",
                            "{s} outage? nothing works",
                            "{s} keeps timing out",
                            "{s} is so slow right now, is something wrong?",
                            "why is {s} not working",
                            "{s} just threw an error at me again",
                            "{s} down for anyone else?"),
                    "es",
                    List.of(
                            "¿{s} está caído?",
                            "{s} no funciona",
                            "se cayó {s} otra vez",
                            "¿a alguien más le falla {s}?"),
                    "de",
                    List.of(
                            "ist {s} down?",
                            "{s} funktioniert nicht",
                            "{s} geht schon wieder nicht",
                            "hat noch jemand Probleme mit {s}?"),
                    "fr",
                    List.of(
                            "{s} est en panne ?",
                            "{s} ne marche pas",
                            "{s} ne répond plus",
                            "quelqu'un d'autre a des erreurs sur {s} ?"),
                    "pt",
                    List.of(
                            "{s} caiu?",
                            "{s} está fora do ar",
                            "{s} não funciona",
                            "mais alguém com problema no {s}?"),
                    "ja",
                    List.of("{s}落ちてる？", "{s}繋がらない", "{s}障害？", "{s}エラー出る"));

    private static final Map<String, List<String>> CHATTER =
            Map.of(
                    "en",
                    List.of(
                            "{s} helped me write my essay",
                            "downloading the {s} app",
                            "just tried the new {s} feature, pretty neat",
                            "my team moved everything to {s} this week",
                            "hot take: {s} is overrated",
                            "writing a blog post about how we use {s}",
                            "does anyone have a good {s} tutorial?",
                            "loving the {s} dark mode",
                            "{s} tips thread 🧵",
                            "spent the whole afternoon with {s} and got so much done",
                            "wow, big {s} news today",
                            "did you all see the {s} announcement?"),
                    "es",
                    List.of("{s} me ayudó con la tarea", "probando {s} por primera vez"),
                    "de",
                    List.of(
                            "{s} hat mir heute viel Arbeit gespart",
                            "lade gerade die {s} App herunter"),
                    "fr",
                    List.of("{s} m'a aidé à finir mon rapport", "je découvre {s}, pas mal du tout"),
                    "pt",
                    List.of("{s} me ajudou muito hoje", "baixando o app do {s}"),
                    "ja",
                    List.of("{s}便利すぎる", "{s}のアプリ入れてみた"));

    private static final Map<String, List<String>> HEADLINES =
            Map.of(
                    "en",
                    List.of(
                            "BREAKING: {s} announces its biggest update yet",
                            "Report: {s} outage last week cost businesses millions",
                            "{s} unveils new enterprise plan at developer conference",
                            "Analysts say {s} usage doubled this year",
                            "{s} hit with new EU privacy inquiry",
                            "Exclusive: inside the team that builds {s}",
                            "{s} raises prices for business customers",
                            "Opinion: what the latest {s} news means for developers"));

    /** English dominates; the other languages share the rest. */
    private static final List<LanguageWeight> COMPLAINT_LANGUAGES =
            List.of(
                    new LanguageWeight("en", 0.62),
                    new LanguageWeight("es", 0.10),
                    new LanguageWeight("de", 0.08),
                    new LanguageWeight("fr", 0.07),
                    new LanguageWeight("pt", 0.08),
                    new LanguageWeight("ja", 0.05));

    private static final List<LanguageWeight> CHATTER_LANGUAGES =
            List.of(
                    new LanguageWeight("en", 0.75),
                    new LanguageWeight("es", 0.06),
                    new LanguageWeight("de", 0.05),
                    new LanguageWeight("fr", 0.04),
                    new LanguageWeight("pt", 0.05),
                    new LanguageWeight("ja", 0.05));

    private static final List<LanguageWeight> HEADLINE_LANGUAGES =
            List.of(new LanguageWeight("en", 1.0));

    /**
     * In a fixed order so that {@link #kindOf} is deterministic; complaints come first so that a
     * text two kinds could have produced counts as the one a classifier must not miss.
     */
    private static final List<TextTemplate> ALL = allTemplates();

    private ReportTexts() {}

    /** Which kind of template produced {@code text}; empty when none did. */
    public static Optional<ReportKind> kindOf(String text) {
        return ALL.stream()
                .filter(template -> template.produced(text))
                .map(TextTemplate::kind)
                .findFirst();
    }

    /** Every template of one kind, with {@code {s}} where the name goes. */
    public static List<String> patterns(ReportKind kind) {
        return ALL.stream()
                .filter(template -> template.kind() == kind)
                .map(template -> template.fill(TextTemplate.PLACEHOLDER))
                .toList();
    }

    static TextTemplate pick(ReportKind kind, SplittableRandom random) {
        return pickIn(kind, pickLanguage(languages(kind), random.nextDouble()), random);
    }

    /** An English template, for a poster whose language is known. */
    static TextTemplate pickEnglish(ReportKind kind, SplittableRandom random) {
        return pickIn(kind, "en", random);
    }

    private static TextTemplate pickIn(ReportKind kind, String lang, SplittableRandom random) {
        List<TextTemplate> candidates =
                ALL.stream()
                        .filter(template -> template.kind() == kind && template.lang().equals(lang))
                        .toList();
        return candidates.get(random.nextInt(candidates.size()));
    }

    private static Map<String, List<String>> patternsByLanguage(ReportKind kind) {
        return switch (kind) {
            case COMPLAINT -> COMPLAINTS;
            case CHATTER -> CHATTER;
            case HEADLINE -> HEADLINES;
        };
    }

    private static List<LanguageWeight> languages(ReportKind kind) {
        return switch (kind) {
            case COMPLAINT -> COMPLAINT_LANGUAGES;
            case CHATTER -> CHATTER_LANGUAGES;
            case HEADLINE -> HEADLINE_LANGUAGES;
        };
    }

    private static String pickLanguage(List<LanguageWeight> weights, double draw) {
        double cumulative = 0;
        for (LanguageWeight weight : weights) {
            cumulative += weight.share();
            if (draw < cumulative) {
                return weight.lang();
            }
        }
        return weights.get(weights.size() - 1).lang();
    }

    private static List<TextTemplate> allTemplates() {
        List<TextTemplate> templates = new ArrayList<>();
        for (ReportKind kind : ReportKind.values()) {
            for (LanguageWeight language : languages(kind)) {
                for (String pattern : patternsByLanguage(kind).get(language.lang())) {
                    templates.add(TextTemplate.of(kind, language.lang(), pattern));
                }
            }
        }
        return List.copyOf(templates);
    }

    /** One language's share of a kind of post. */
    private record LanguageWeight(String lang, double share) {}
}
