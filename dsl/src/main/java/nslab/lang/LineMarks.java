package nslab.lang;

import groovyjarjarasm.asm.MethodVisitor;
import groovyjarjarasm.asm.Opcodes;
import java.util.ArrayList;
import java.util.List;
import org.codehaus.groovy.ast.ClassCodeVisitorSupport;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.ast.stmt.DoWhileStatement;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.ast.stmt.ForStatement;
import org.codehaus.groovy.ast.stmt.IfStatement;
import org.codehaus.groovy.ast.stmt.Statement;
import org.codehaus.groovy.ast.stmt.WhileStatement;
import org.codehaus.groovy.classgen.BytecodeExpression;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;

/**
 * Puts before every statement of a lab script a call that records the statement's line
 * ({@link ScriptLines#mark}), so that a word learns its line by reading it instead of walking the
 * stack: every word of a lab asks for its line, and a walk through Groovy's call frames cost a
 * quarter of a large script's run. The mark is a plain static call written as bytecode, with no
 * call site of Groovy's to link. Bodies of {@code if} and loops written without braces are made
 * blocks so that their statements are marked too.
 */
final class LineMarks extends CompilationCustomizer {

    LineMarks() {
        super(CompilePhase.CONVERSION); // before variable scopes are worked out, so that new blocks get theirs
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        new Marker(source).visitClass(classNode);
    }

    private static final class Marker extends ClassCodeVisitorSupport {
        private final SourceUnit source;

        Marker(SourceUnit source) {
            this.source = source;
        }

        @Override
        protected SourceUnit getSourceUnit() {
            return source;
        }

        @Override
        public void visitBlockStatement(BlockStatement block) {
            super.visitBlockStatement(block);
            List<Statement> marked = new ArrayList<>();
            for (Statement s : block.getStatements()) {
                if (s.getLineNumber() > 0) marked.add(mark(s.getLineNumber()));
                marked.add(s);
            }
            block.getStatements().clear();
            block.getStatements().addAll(marked);
        }

        @Override
        public void visitIfElse(IfStatement s) {
            s.setIfBlock(block(s.getIfBlock()));
            if (!s.getElseBlock().isEmpty()) s.setElseBlock(block(s.getElseBlock()));
            super.visitIfElse(s);
        }

        @Override
        public void visitForLoop(ForStatement s) {
            s.setLoopBlock(block(s.getLoopBlock()));
            super.visitForLoop(s);
        }

        @Override
        public void visitWhileLoop(WhileStatement s) {
            s.setLoopBlock(block(s.getLoopBlock()));
            super.visitWhileLoop(s);
        }

        @Override
        public void visitDoWhileLoop(DoWhileStatement s) {
            s.setLoopBlock(block(s.getLoopBlock()));
            super.visitDoWhileLoop(s);
        }

        private static Statement block(Statement s) {
            if (s instanceof BlockStatement || s.getLineNumber() <= 0) return s;
            BlockStatement b = new BlockStatement();
            b.addStatement(s);
            b.setSourcePosition(s);
            return b;
        }
    }

    /** {@code ScriptLines.mark(line)}, its result dropped as any expression statement's is. */
    private static Statement mark(int line) {
        return new ExpressionStatement(new BytecodeExpression(ClassHelper.int_TYPE) {
            @Override
            public void visit(MethodVisitor mv) {
                mv.visitLdcInsn(line);
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, "nslab/lang/ScriptLines", "mark", "(I)I", false);
            }
        });
    }
}
