package org.jvmbench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jvmbench.harness.config.ProjectHome;
import org.junit.jupiter.api.Test;

/**
 * Every package of the harness says in its {@code package-info.java} what lives there and what it
 * may import, and its code keeps to it: the layering is written down where a reader meets it, and
 * checked, so an import across it fails here rather than in a review.
 */
class PackageMapTest {

    private static final Path SOURCES = ProjectHome.locate().root().resolve("harness/src/main/java/org/jvmbench/harness");
    private static final Pattern MAY_IMPORT = Pattern.compile("<p>May import: ([^.]*)\\.");
    private static final Pattern USE = Pattern.compile("org\\.jvmbench\\.(?:harness\\.([a-z]+)|(protocol))\\.");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    @Test
    void everyPackageSaysWhatLivesThereAndWhatItMayImport() throws IOException {
        for (String name : packages()) {
            Path info = SOURCES.resolve(name).resolve("package-info.java");
            assertThat(info).as("package-info of %s", name).isRegularFile();
            assertThat(MAY_IMPORT.matcher(Files.readString(info)).find()).as("'<p>May import: ...' in %s", info).isTrue();
        }
    }

    @Test
    void everyPackageUsesOnlyWhatItsPackageInfoAllows() throws IOException {
        Map<String, Set<String>> allowed = allowed();
        List<String> crossings = new ArrayList<>();
        for (String name : packages()) {
            try (Stream<Path> files = Files.list(SOURCES.resolve(name))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    String code = COMMENT.matcher(Files.readString(file)).replaceAll("");
                    Matcher m = USE.matcher(code);
                    while (m.find()) {
                        String used = m.group(1) != null ? m.group(1) : m.group(2);
                        if (!used.equals(name) && !allowed.get(name).contains(used)) {
                            crossings.add(name + "/" + file.getFileName() + " uses " + used);
                        }
                    }
                }
            }
        }
        assertThat(crossings).as("uses beyond the package-infos' 'May import'").isEmpty();
    }

    @Test
    void theAllowedImportsFormLayersWithoutACycle() throws IOException {
        Map<String, Set<String>> allowed = allowed();
        Set<String> placed = new TreeSet<>(Set.of("protocol"));
        // peel off, floor by floor, the packages whose imports are all on lower floors
        while (placed.size() < allowed.size() + 1) {
            List<String> floor = allowed.keySet().stream().filter(p -> !placed.contains(p))
                    .filter(p -> placed.containsAll(allowed.get(p))).toList();
            assertThat(floor).as("packages left, each importing one of the others: %s",
                    allowed.keySet().stream().filter(p -> !placed.contains(p)).toList()).isNotEmpty();
            placed.addAll(floor);
        }
    }

    private static List<String> packages() throws IOException {
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        }
    }

    private static Map<String, Set<String>> allowed() throws IOException {
        Map<String, Set<String>> allowed = new LinkedHashMap<>();
        for (String name : packages()) {
            Matcher m = MAY_IMPORT.matcher(Files.readString(SOURCES.resolve(name).resolve("package-info.java")));
            assertThat(m.find()).as("May import of %s", name).isTrue();
            Set<String> names = new TreeSet<>();
            String list = m.group(1).replaceAll("\\s*\\n\\s*\\*\\s*", " ").strip();
            if (!list.equals("nothing of the harness")) {
                for (String p : list.split(",")) {
                    names.add(p.strip());
                }
            }
            allowed.put(name, names);
        }
        return allowed;
    }
}
