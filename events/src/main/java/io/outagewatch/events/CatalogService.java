package io.outagewatch.events;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One monitored service.
 *
 * @param id the id used in every event and as the Kafka key
 * @param name the display name
 * @param aliases how people refer to the service in posts; stored trimmed and lower-cased
 */
public record CatalogService(String id, String name, List<String> aliases) implements Serializable {

    public static final int NAME_MAX_CHARS = 100;
    public static final int ALIAS_MAX_CHARS = 100;

    /**
     * @throws CatalogException naming the bad field
     */
    public CatalogService {
        if (id == null) {
            throw new CatalogException("id is missing");
        }
        if (!Ids.isValid(id)) {
            throw new CatalogException("id must match " + Ids.PATTERN);
        }
        if (name == null || name.isBlank()) {
            throw new CatalogException("name must not be blank");
        }
        if (name.length() > NAME_MAX_CHARS) {
            throw new CatalogException("name is longer than " + NAME_MAX_CHARS + " characters");
        }
        aliases = normalizedAliases(aliases);
    }

    private static List<String> normalizedAliases(List<String> aliases) {
        if (aliases == null || aliases.isEmpty()) {
            throw new CatalogException("aliases must list at least one alias");
        }
        List<String> normalized = new ArrayList<>(aliases.size());
        for (int i = 0; i < aliases.size(); i++) {
            String alias = aliases.get(i);
            if (alias == null || alias.isBlank()) {
                throw new CatalogException("aliases[" + i + "] must not be blank");
            }
            String lowerCase = alias.strip().toLowerCase(Locale.ROOT);
            if (lowerCase.length() > ALIAS_MAX_CHARS) {
                throw new CatalogException(
                        "aliases[" + i + "] is longer than " + ALIAS_MAX_CHARS + " characters");
            }
            int earlier = normalized.indexOf(lowerCase);
            if (earlier >= 0) {
                throw new CatalogException(
                        "aliases["
                                + i
                                + "] \""
                                + lowerCase
                                + "\" repeats aliases["
                                + earlier
                                + "]");
            }
            normalized.add(lowerCase);
        }
        return List.copyOf(normalized);
    }
}
