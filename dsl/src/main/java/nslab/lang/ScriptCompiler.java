package nslab.lang;

import groovy.lang.GroovyClassLoader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.Phases;
import org.codehaus.groovy.control.customizers.ASTTransformationCustomizer;
import org.codehaus.groovy.control.customizers.ImportCustomizer;
import groovy.transform.ThreadInterrupt;
import org.codehaus.groovy.tools.GroovyClass;

/**
 * Compiles lab script text into script classes, once per distinct text: re-reading an unchanged
 * file, or replaying a console session, reuses the class instead of loading a new one each time.
 * With a {@link CompiledScriptStore}, a text compiled by an earlier run is loaded from disk.
 */
public final class ScriptCompiler {
    private static final int CACHE_SIZE = 512;
    /** One compiler per store folder (none: the empty one), so that every loader of a run shares its classes. */
    private static final Map<Optional<java.nio.file.Path>, ScriptCompiler> SHARED = new java.util.concurrent.ConcurrentHashMap<>();

    private final Optional<CompiledScriptStore> store;
    /** Groovy's compiler, set up on first use: a script found in the store never needs it. */
    private CompilerConfiguration config;
    private GroovyClassLoader loader;
    private int counter;
    private final Map<String, Class<?>> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Class<?>> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    public ScriptCompiler() {
        this(Optional.empty());
    }

    public ScriptCompiler(Optional<CompiledScriptStore> store) {
        this.store = store;
    }

    private void setUpCompiler() {
        if (config != null) return;
        config = new CompilerConfiguration();
        config.setScriptBaseClass(LabScript.class.getName());
        // Groovy writes bytecode for the Java it runs on; the compile cache outlives that choice
        // (a newer Java's classes refused by an older one), so always for the oldest nslab runs on
        config.setTargetBytecode(CompilerConfiguration.JDK17);
        // ThreadInterrupt: loops, closures and methods check for an interrupt, which is how the
        // time limit stops a script (ScriptLimits)
        config.addCompilationCustomizers(new NamedBlockTransform(), new LineMarks(), new ImportCustomizer(),
                new ASTTransformationCustomizer(ThreadInterrupt.class));
        loader = new GroovyClassLoader(ScriptCompiler.class.getClassLoader(), config);
    }

    /** The compiler without a store that loaders share. */
    public static ScriptCompiler shared() {
        return sharedWith(Optional.empty());
    }

    /** The compiler loaders share that keeps compiled scripts in {@code store} (empty: in memory only). */
    public static ScriptCompiler sharedWith(Optional<java.nio.file.Path> store) {
        return SHARED.computeIfAbsent(store, s -> new ScriptCompiler(s.flatMap(CompiledScriptStore::in)));
    }

    /** The class for this text; throws Groovy's CompilationFailedException on a syntax error. */
    synchronized Class<?> compile(String text) {
        Class<?> cached = cache.get(text);
        if (cached != null) return cached;
        Map<String, byte[]> classes = store.flatMap(s -> s.load(text)).orElse(null);
        if (classes == null) {
            classes = generate(text);
            Map<String, byte[]> generated = classes;
            store.ifPresent(s -> s.save(text, generated));
        }
        Class<?> compiled = define(classes);
        cache.put(text, compiled);
        return compiled;
    }

    /** How many texts Groovy's compiler compiled (rather than found in memory or in the store). */
    synchronized int compilations() {
        return counter;
    }

    /** Runs Groovy's compiler: the class files of the script and its closures, the script's first. */
    private Map<String, byte[]> generate(String text) {
        setUpCompiler();
        String name = ScriptLines.CLASS_PREFIX + (++counter);
        CompilationUnit unit = new CompilationUnit(config, null, loader);
        unit.addSource(name + ".groovy", AngleBlocks.toBraces(text));
        unit.compile(Phases.CLASS_GENERATION);
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (GroovyClass c : unit.getClasses()) if (c.getName().equals(name)) classes.put(c.getName(), c.getBytes());
        for (GroovyClass c : unit.getClasses()) classes.putIfAbsent(c.getName(), c.getBytes());
        return classes;
    }

    private static Class<?> define(Map<String, byte[]> classes) {
        String scriptClass = classes.keySet().iterator().next();
        try {
            return new ScriptClassLoader(classes).loadClass(scriptClass);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("compiled script class " + scriptClass + " did not load", e);
        }
    }

    /** Each script's classes in a loader of their own, so that names never clash between scripts. */
    private static final class ScriptClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        ScriptClassLoader(Map<String, byte[]> classes) {
            super(ScriptCompiler.class.getClassLoader());
            this.classes = classes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!classes.containsKey(name)) return super.loadClass(name, resolve);
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    byte[] bytes = classes.get(name);
                    c = defineClass(name, bytes, 0, bytes.length);
                }
                if (resolve) resolveClass(c);
                return c;
            }
        }
    }
}
