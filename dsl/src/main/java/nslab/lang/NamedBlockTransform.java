package nslab.lang;

import org.codehaus.groovy.ast.ClassCodeExpressionTransformer;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.GStringExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;

/**
 * Rewrites {@code word 'name' { ... }} — which Groovy reads as {@code word(name({...}))}, a call of
 * a method named by the string — into {@code word('name', {...})}, the way Gradle reads
 * {@code task name { }}. Done at compile time so that every other unknown word still fails
 * with its own name and line instead of being swallowed by a catch-all methodMissing.
 */
final class NamedBlockTransform extends CompilationCustomizer {

    NamedBlockTransform() {
        super(CompilePhase.CONVERSION);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) throws CompilationFailedException {
        new Rewriter(source).visitClass(classNode);
    }

    private static final class Rewriter extends ClassCodeExpressionTransformer {
        private final SourceUnit source;

        Rewriter(SourceUnit source) {
            this.source = source;
        }

        @Override
        protected SourceUnit getSourceUnit() {
            return source;
        }

        @Override
        public Expression transform(Expression expression) {
            if (expression instanceof ClosureExpression closure) {
                closure.getCode().visit(this);
                return closure;
            }
            if (expression instanceof MethodCallExpression call) {
                Expression rewritten = rewrite(call);
                if (rewritten != null) return rewritten;
            }
            return super.transform(expression);
        }

        /** {@code word(name({...}))} to {@code word('name', {...})}, or null if the call has another shape. */
        private Expression rewrite(MethodCallExpression outer) {
            if (!outer.isImplicitThis() || !(outer.getArguments() instanceof TupleExpression args)
                    || args.getExpressions().size() != 1
                    || !(args.getExpression(0) instanceof MethodCallExpression inner)
                    || !inner.isImplicitThis()
                    || !(inner.getArguments() instanceof TupleExpression innerArgs)
                    || innerArgs.getExpressions().size() != 1
                    || !(innerArgs.getExpression(0) instanceof ClosureExpression closure)) {
                return null;
            }
            Expression name = inner.getMethod();
            if (!(name instanceof ConstantExpression) && !(name instanceof GStringExpression)) return null;
            if (name instanceof GStringExpression g) {
                for (Expression value : g.getValues()) value.visit(this);
            }
            closure.getCode().visit(this);
            ArgumentListExpression newArgs = new ArgumentListExpression(name, closure);
            newArgs.setSourcePosition(args);
            MethodCallExpression call = new MethodCallExpression(outer.getObjectExpression(), outer.getMethod(), newArgs);
            call.setImplicitThis(true);
            call.setSourcePosition(outer);
            return call;
        }
    }
}
