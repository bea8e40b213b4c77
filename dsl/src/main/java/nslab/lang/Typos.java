package nslab.lang;

import groovy.lang.Script;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import nslab.check.Problem;
import nslab.check.Suggestions;
import org.codehaus.groovy.ast.ClassCodeVisitorSupport;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.Parameter;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.Phases;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.runtime.DefaultGroovyMethods;

/**
 * The other misspelt words of a script that stopped on one. Groovy stops at the first word it
 * cannot call; a person correcting typos wants them all at once. So once the script has failed
 * on an unknown word, its text is read again (parsed, not run) for calls and bare words that are
 * one or two letters away from a word of the language and are not the script's own methods or
 * variables. Only the near misses are named: a name far from every word may well be the user's
 * own, defined where this reading cannot see it.
 */
final class Typos {
    private Typos() {}

    /** Likely typos in the chunk other than {@code reportedWord} at {@code reportedLine} (a line of the chunk). */
    static List<Problem> besides(ScriptLines.Chunk where, String reportedWord, int reportedLine) {
        Finder finder = new Finder();
        try {
            CompilationUnit unit = new CompilationUnit(new CompilerConfiguration());
            SourceUnit source = unit.addSource("typos.groovy", AngleBlocks.toBraces(where.text()));
            unit.compile(Phases.CONVERSION);
            for (ClassNode c : source.getAST().getClasses()) {
                for (MethodNode m : c.getMethods()) finder.declared.add(m.getName());
                finder.visitClass(c);
            }
        } catch (RuntimeException | LinkageError e) {
            return List.of();    // the script ran far enough to fail on a word, so this is unexpected; the first problem stands
        }
        Set<String> seen = new HashSet<>();
        List<Problem> problems = new ArrayList<>();
        for (Finder.Use use : finder.uses) {
            if (use.name.equals(reportedWord) && use.line == reportedLine) continue;
            if (Words.find(use.name).isPresent() || finder.declared.contains(use.name) || groovyOwn(use.name)) continue;
            if (Suggestions.didYouMean(use.name, Words.names()) == null) continue;
            if (!seen.add(use.name + ":" + use.line)) continue;
            problems.add(LabLoader.wordProblem(ScriptLines.at(where, use.line), use.name, null, Words.Context.TOP));
        }
        return problems;
    }

    /** Methods every script and object has (print, sleep, with, ...): never typos. */
    private static boolean groovyOwn(String name) {
        return OwnMethods.NAMES.contains(name);
    }

    private static final class OwnMethods {
        static final Set<String> NAMES = names();

        private static Set<String> names() {
            Set<String> names = new HashSet<>();
            for (var m : Script.class.getMethods()) names.add(m.getName());
            for (var m : DefaultGroovyMethods.class.getMethods()) names.add(m.getName());
            return Collections.unmodifiableSet(names);
        }
    }

    private static final class Finder extends ClassCodeVisitorSupport {
        record Use(String name, int line) {}

        final List<Use> uses = new ArrayList<>();
        final Set<String> declared = new HashSet<>();
        /** The {@code name} of {@code word 'name' { }}, which Groovy reads as a call of name: not a word. */
        private final Set<Expression> blockNames = Collections.newSetFromMap(new IdentityHashMap<>());

        @Override
        protected SourceUnit getSourceUnit() {
            return null;
        }

        @Override
        public void visitMethodCallExpression(MethodCallExpression call) {
            if (call.getArguments() instanceof TupleExpression args && args.getExpressions().size() == 1
                    && args.getExpression(0) instanceof MethodCallExpression inner
                    && inner.getArguments() instanceof ArgumentListExpression innerArgs
                    && innerArgs.getExpressions().size() == 1 && innerArgs.getExpression(0) instanceof ClosureExpression) {
                blockNames.add(inner);
            }
            if (call.isImplicitThis() && call.getMethod() instanceof ConstantExpression name
                    && name.getValue() instanceof String word && !blockNames.contains(call)) {
                uses.add(new Use(word, call.getLineNumber()));
            }
            super.visitMethodCallExpression(call);
        }

        @Override
        public void visitExpressionStatement(ExpressionStatement statement) {
            // a bare word on its own (down, dwn) is a property read
            if (statement.getExpression() instanceof VariableExpression v) uses.add(new Use(v.getName(), v.getLineNumber()));
            super.visitExpressionStatement(statement);
        }

        @Override
        public void visitDeclarationExpression(DeclarationExpression declaration) {
            if (declaration.getLeftExpression() instanceof VariableExpression v) declared.add(v.getName());
            super.visitDeclarationExpression(declaration);
        }

        @Override
        public void visitBinaryExpression(BinaryExpression expression) {
            // x = { ... } without def: a binding variable the script may call
            if (expression.getOperation().getText().equals("=") && expression.getLeftExpression() instanceof VariableExpression v) {
                declared.add(v.getName());
            }
            super.visitBinaryExpression(expression);
        }

        @Override
        public void visitClosureExpression(ClosureExpression closure) {
            if (closure.getParameters() != null) for (Parameter p : closure.getParameters()) declared.add(p.getName());
            super.visitClosureExpression(closure);
        }
    }
}
