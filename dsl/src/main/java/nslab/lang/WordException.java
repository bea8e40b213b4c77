package nslab.lang;

import groovy.lang.GroovyRuntimeException;
import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;

/** A word that Groovy could not call, remembered with the block it was written in. */
final class WordException extends RuntimeException {
    final String word;
    final Object[] arguments;
    final Words.Context context;

    WordException(GroovyRuntimeException cause, Words.Context context) {
        super(cause.getMessage(), cause, false, false);
        if (cause instanceof MissingMethodException m) {
            this.word = m.getMethod();
            this.arguments = m.getArguments();
        } else {
            this.word = ((MissingPropertyException) cause).getProperty();
            this.arguments = null;
        }
        this.context = context;
        setStackTrace(cause.getStackTrace());
    }
}
