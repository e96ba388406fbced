package io.outagewatch.status;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The page's own files (under {@code status-page/} on the classpath) and uPlot's, from its WebJar:
 * everything a page loads comes from this process.
 */
public final class StaticAssets {

    /** An asset's bytes and content type. */
    public record Asset(byte[] bytes, String contentType) {}

    private static final String OWN = "/status-page/";
    private static final String UPLOT_POM = "/META-INF/maven/org.webjars.npm/uplot/pom.properties";
    private static final Map<String, String> CONTENT_TYPES =
            Map.of(
                    "html", "text/html; charset=utf-8",
                    "js", "text/javascript; charset=utf-8",
                    "css", "text/css; charset=utf-8",
                    "svg", "image/svg+xml");

    /** Asset names the page may ask for under {@code /assets/}, and where each lives. */
    private final Map<String, String> served;

    public StaticAssets() {
        String uplot = "/META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";
        served =
                Map.of(
                        "index.html", OWN + "index.html",
                        "service.html", OWN + "service.html",
                        "status.css", OWN + "status.css",
                        "common.js", OWN + "common.js",
                        "overview.js", OWN + "overview.js",
                        "service.js", OWN + "service.js",
                        "uPlot.iife.min.js", uplot + "uPlot.iife.min.js",
                        "uPlot.min.css", uplot + "uPlot.min.css");
    }

    /** The named asset; empty for any name not in the fixed list. */
    public Optional<Asset> get(String name) {
        String resource = served.get(name);
        if (resource == null) {
            return Optional.empty();
        }
        try (InputStream in = StaticAssets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing from the jar: " + resource);
            }
            String extension = name.substring(name.lastIndexOf('.') + 1);
            return Optional.of(new Asset(in.readAllBytes(), CONTENT_TYPES.get(extension)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String uplotVersion() {
        try (InputStream in = StaticAssets.class.getResourceAsStream(UPLOT_POM)) {
            if (in == null) {
                throw new IllegalStateException("the uPlot WebJar is not on the classpath");
            }
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
