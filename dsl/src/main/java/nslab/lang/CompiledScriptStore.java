package nslab.lang;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Compiled lab-script classes kept on disk, keyed by the script's text and the nslab build that
 * compiled it. Starting Groovy's compiler is most of what a short {@code nslab} command costs, so
 * running {@code plan}, {@code apply} or {@code check} again on an unchanged script loads the
 * classes instead.
 * <p>
 * Where: the folder the run's {@link ScriptSettings} name ({@code $NSLAB_CACHE_DIR}, else
 * {@code $XDG_CACHE_HOME/nslab/scripts}, else {@code ~/.cache/nslab/scripts}; {@code NSLAB_CACHE_DIR=off}
 * turns it off). The classes are code
 * that will run, so a folder that this user does not own, or that others may write, is not used.
 * Anything unreadable is treated as absent: the store only ever saves time.
 */
public final class CompiledScriptStore {
    private static final int MAX_ENTRIES = 256;
    private static final Set<PosixFilePermission> OTHERS_WRITE =
            Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private final Path dir;
    private final String build;

    public CompiledScriptStore(Path dir) {
        this(dir, buildId());
    }

    /** A store for classes compiled by the given build of nslab (specs fake a later build). */
    CompiledScriptStore(Path dir, String build) {
        this.dir = dir;
        this.build = build;
    }

    /** The store in {@code dir}, or none when this build of nslab does not know its own build (classes of a source tree). */
    public static Optional<CompiledScriptStore> in(Path dir) {
        CompiledScriptStore store = new CompiledScriptStore(dir);
        return store.build.startsWith("unknown/") ? Optional.empty() : Optional.of(store);
    }

    /** The classes stored for this text (class name to bytes, the script class first), or none. */
    Optional<Map<String, byte[]>> load(String text) {
        Path file = dir.resolve(key(text));
        if (!Files.isRegularFile(file) || !trusted(dir) || !trusted(file)) return Optional.empty();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            Map<String, byte[]> classes = new LinkedHashMap<>();
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                classes.put(name, bytes);
            }
            return classes.isEmpty() ? Optional.empty() : Optional.of(classes);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a torn or foreign file: compile again
        }
    }

    /** Stores the classes of this text; silently does nothing where it cannot write. */
    void save(String text, Map<String, byte[]> classes) {
        try {
            Files.createDirectories(dir);
            if (!trusted(dir)) return;
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(buf)) {
                out.writeInt(classes.size());
                for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                    out.writeUTF(c.getKey());
                    out.writeInt(c.getValue().length);
                    out.write(c.getValue());
                }
            }
            // written whole, then renamed: a concurrent reader sees the old file or the new one
            Path tmp = Files.createTempFile(dir, "script", ".tmp");
            Files.write(tmp, buf.toByteArray());
            Files.move(tmp, dir.resolve(key(text)), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            prune();
        } catch (IOException | RuntimeException e) {
            // a read-only home or a full disk only costs the next run a compile
        }
    }

    private void prune() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            var all = files.filter(p -> p.getFileName().toString().endsWith(".classes")).toList();
            if (all.size() <= MAX_ENTRIES) return;
            all.stream().sorted(Comparator.comparingLong(p -> p.toFile().lastModified()))
                    .limit(all.size() - MAX_ENTRIES).forEach(p -> p.toFile().delete());
        }
    }

    private String key(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(build.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()) + ".classes";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JVM has SHA-256
        }
    }

    /** Ours alone: owned by this process's user and writable by no one else. */
    private static boolean trusted(Path p) {
        try {
            Object owner = Files.getAttribute(p, "unix:uid");
            Object me = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return owner.equals(me) && Files.getPosixFilePermissions(p).stream().noneMatch(OTHERS_WRITE::contains);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Changes with every build of nslab, so classes compiled by an older language are not reused. */
    private static String buildId() {
        try (InputStream in = CompiledScriptStore.class.getResourceAsStream("/nslab/build.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            return p.getProperty("build", "unknown") + "/" + groovy.lang.GroovySystem.getVersion();
        } catch (IOException e) {
            return "unknown/" + groovy.lang.GroovySystem.getVersion();
        }
    }
}
