package nslab.check;

import java.util.List;
import nslab.model.Expectation;
import nslab.model.Lab;
import nslab.model.Namespace;
import nslab.model.RunCommand;

/**
 * Text that no format rule checks on its way into a command: the shell command of {@code run}
 * (any text a shell reads, but no control characters, which would not print as planned) and the
 * parts of {@code reach}. Names, addresses and the other values are checked by their own rules
 * with {@link Carriable}.
 */
final class TextRules implements Rule {

    @Override
    public void check(Lab lab, List<Problem> problems) {
        for (Namespace ns : lab.namespaces()) {
            for (RunCommand r : ns.runs()) {
                String why = Carriable.commandProblem(r.command());
                if (why != null) {
                    problems.add(Problem.error(r.source(), "run command '" + r.command() + "' " + why,
                            "write the command on one line; join commands with ';' or '&&'"));
                }
            }
        }
        for (Expectation e : lab.expectations()) {
            for (String text : new String[] {e.from(), e.target(), e.dev()}) {
                String why = text == null ? null : Carriable.problem(text);
                if (why != null) {
                    problems.add(Problem.error(e.source(), "'" + text + "' " + why,
                            "name a namespace, an address or an interface as the lab declares it"));
                }
            }
        }
    }
}
