package nslab.lang;

import groovy.lang.GroovyClassLoader;
import groovy.lang.GroovyCodeSource;
import java.util.LinkedHashMap;
import java.util.Map;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.customizers.ImportCustomizer;

/**
 * Compiles lab script text into script classes, once per distinct text: re-reading an unchanged
 * file, or replaying a console session, reuses the class instead of loading a new one each time.
 */
public final class ScriptCompiler {
    private static final int CACHE_SIZE = 512;
    private static final ScriptCompiler SHARED = new ScriptCompiler();

    private final GroovyClassLoader loader;
    private int counter;
    private final Map<String, Class<?>> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Class<?>> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    public ScriptCompiler() {
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(LabScript.class.getName());
        config.addCompilationCustomizers(new NamedBlockTransform(), new ImportCustomizer());
        this.loader = new GroovyClassLoader(ScriptCompiler.class.getClassLoader(), config);
    }

    public static ScriptCompiler shared() {
        return SHARED;
    }

    /** The class for this text; throws Groovy's CompilationFailedException on a syntax error. */
    synchronized Class<?> compile(String text) {
        Class<?> cached = cache.get(text);
        if (cached != null) return cached;
        String name = ScriptLines.CLASS_PREFIX + (++counter) + ".groovy";
        Class<?> compiled = loader.parseClass(new GroovyCodeSource(text, name, "/groovy/nslab"), false);
        cache.put(text, compiled);
        return compiled;
    }
}
