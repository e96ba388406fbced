package io.outagewatch.detection.reports;

import io.outagewatch.detection.reports.PhraseList.Scope;
import io.outagewatch.events.NormalizedText;
import java.io.Serial;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides whether a post that names a service says the service is failing.
 *
 * <p>Rules, in order:
 *
 * <ol>
 *   <li>The text is normalised ({@link NormalizedText}): NFKC, lower case, URLs removed, whitespace
 *       collapsed.
 *   <li>Posts that read as news are chatter whatever they say: a "Breaking:", "Report:" or "News:"
 *       prefix, a "BREAKING" shout, a headline lead ("OpenAI announces ..."), or a link with a
 *       reporting verb and no first or second person.
 *   <li>The post is split into sentences. A sentence is a complaint when one of the complaint
 *       phrases matches (English, Spanish, German, French, Portuguese, Japanese) and none of the
 *       chatter phrases for sentences does: chatter wins. They catch slang ("I'm down to try"),
 *       markets ("stock down 5%"), outages told in the past ("last week"), recoveries ("back up
 *       now"), praise ("helped me debug"), and moderation timeouts.
 *   <li>The post is a complaint when any sentence is, so "Is GitHub down? It was down last week
 *       too" still counts.
 * </ol>
 *
 * <p>The phrases are data: {@code phrases/complaints/<language>.txt} and {@code
 * phrases/chatter/<language>.txt} in this module's resources, read once by {@link PhraseList}.
 *
 * <p>The rules do not know which word is the service, so in a post naming two services a complaint
 * about one counts for both.
 */
public final class ComplaintClassifier implements Serializable {

    @Serial private static final long serialVersionUID = 1L;

    /**
     * After "!", "?" and "。" (kept with their sentence, since "落ちてない?" asks while "落ちてない" denies),
     * and after a full stop followed by a space, so "github.com" and "5.5%" stay whole.
     */
    private static final Pattern SENTENCE_BREAK =
            Pattern.compile("(?<=[!?。])(?![!?。])\\s*|(?<=\\.)\\s+");

    /**
     * The languages of the complaint phrases, in the order they are tried; {@code any} holds
     * hashtags and status codes.
     */
    private static final List<String> COMPLAINT_LANGUAGES =
            List.of("any", "en", "es", "de", "fr", "pt", "ja");

    /** Chatter phrases are English or mix languages ({@code any}; its header says why). */
    private static final List<String> CHATTER_LANGUAGES = List.of("any", "en");

    private static final PhraseList COMPLAINTS =
            PhraseList.load("complaints", COMPLAINT_LANGUAGES, EnumSet.of(Scope.SENTENCE));

    private static final PhraseList CHATTER =
            PhraseList.load("chatter", CHATTER_LANGUAGES, EnumSet.allOf(Scope.class));

    public boolean isComplaint(String text) {
        return isComplaint(NormalizedText.of(text));
    }

    boolean isComplaint(NormalizedText post) {
        if (readsAsNews(post)) {
            return false;
        }
        for (String sentence : SENTENCE_BREAK.split(post.text())) {
            if (COMPLAINTS.anyIn(Scope.SENTENCE, sentence)
                    && !CHATTER.anyIn(Scope.SENTENCE, sentence)) {
                return true;
            }
        }
        return false;
    }

    private static boolean readsAsNews(NormalizedText post) {
        return CHATTER.anyIn(Scope.WRITTEN_POST, post.original())
                || post.hadUrl() && CHATTER.anyIn(Scope.LINKED_POST, post.text())
                || CHATTER.anyIn(Scope.POST, post.text());
    }
}
