package io.outagewatch.detection.reports;

import io.outagewatch.events.NormalizedText;
import java.io.Serial;
import java.io.Serializable;
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
 *   <li>The post is split into sentences. A sentence is a complaint when one of the {@link
 *       ComplaintPhrases} matches (English, Spanish, German, French, Portuguese, Japanese) and none
 *       of the sentence {@link ChatterVetoes} does: vetoes win. They catch slang ("I'm down to
 *       try"), markets ("stock down 5%"), outages told in the past ("last week"), recoveries ("back
 *       up now"), praise ("helped me debug"), and moderation timeouts.
 *   <li>The post is a complaint when any sentence is, so "Is GitHub down? It was down last week
 *       too" still counts.
 * </ol>
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

    public boolean isComplaint(String text) {
        return isComplaint(NormalizedText.of(text));
    }

    boolean isComplaint(NormalizedText post) {
        if (ChatterVetoes.vetoPost(post)) {
            return false;
        }
        for (String sentence : SENTENCE_BREAK.split(post.text())) {
            if (ComplaintPhrases.anyIn(sentence) && !ChatterVetoes.vetoSentence(sentence)) {
                return true;
            }
        }
        return false;
    }
}
