package nslab.console;

import java.io.PrintWriter;
import nslab.LabCompiler;
import nslab.command.LabSource;
import nslab.command.Precondition;
import nslab.engine.Engine;
import nslab.engine.Privileges;
import picocli.CommandLine;

/**
 * The console's {@link LabSource}: the session's lab (its warnings were shown as its lines were
 * typed) and the console's one engine; apply turns live mode on, destroy turns it off.
 */
@CommandLine.Command // picocli takes a verb's mixin only if it is annotated; this one adds no option or argument
final class SessionLab implements LabSource.OrName, LabSource.OrAll, LabSource.OrTopology {
    private final ConsoleContext ctx;
    private long saidAtLine = -1;

    SessionLab(ConsoleContext ctx) {
        this.ctx = ctx;
    }

    /** The factory of the console's command tree: every verb's lab is the session's. */
    CommandLine.IFactory factory() {
        return new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return LabSource.class.isAssignableFrom(type) ? type.cast(SessionLab.this) : CommandLine.defaultFactory().create(type);
            }
        };
    }

    @Override
    public LabCompiler.Compiled compiled(PrintWriter err) {
        sayWaiting(err);
        LabCompiler.Compiled c = ctx.session.compiled();
        if (c == null) throw new Precondition.NoValidLab(ConsoleSession.NO_LAB_YET);
        return c;
    }

    @Override
    public String name(Engine engine) {
        sayWaiting(ctx.out);
        return ctx.session.labName();
    }

    /** Every verb (plan, apply, status, ...) says first, once, which typed entries are not in the lab yet. */
    private void sayWaiting(PrintWriter out) {
        if (saidAtLine == ctx.linesEntered()) return;
        saidAtLine = ctx.linesEntered();
        for (Waiting w : ctx.session.waiting()) out.println("not in the lab yet: " + w.describe());
        out.flush();
    }

    @Override
    public Engine engine(String verb, PrintWriter out) {
        if (!ctx.options.sandbox() && !Privileges.isRoot()) throw new Precondition.NotRoot(Privileges.notRootMessage(verb));
        return ctx.engine;
    }

    @Override
    public nslab.command.Settings settings() {
        return ctx.options.settings();
    }

    @Override
    public void nowLive(String lab, boolean live) {
        ctx.session.setLive(live);
        ctx.kernel.changed();
    }
}
