package nslab.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nslab.model.Expectation;
import nslab.model.Lab;
import nslab.model.Source;
import nslab.plan.Plan;
import nslab.plan.Step;

/**
 * Each script line beside the commands it produced, with one sentence on what each does to the
 * kernel. Lines come in script order; the number before a command is its place in the plan.
 */
public final class ExplainRenderer {

    public String render(Plan plan) {
        Lab lab = plan.lab();
        Map<Source, List<Integer>> bySource = new LinkedHashMap<>();
        for (int i = 0; i < plan.steps().size(); i++) {
            bySource.computeIfAbsent(plan.steps().get(i).source(), s -> new ArrayList<>()).add(i);
        }
        Map<Source, List<Expectation>> checks = new LinkedHashMap<>();
        for (Expectation e : lab.expectations()) checks.computeIfAbsent(e.source(), s -> new ArrayList<>()).add(e);
        List<Source> sources = new ArrayList<>(bySource.keySet());
        checks.keySet().stream().filter(s -> !bySource.containsKey(s)).forEach(sources::add);
        sources.sort(Comparator.comparing(Source::file).thenComparingInt(Source::line));

        StringBuilder out = new StringBuilder();
        out.append("lab ").append(lab.name()).append(": ").append(plan.steps().size())
                .append(" commands; [n] is a command's place in the plan\n");
        for (Source source : sources) {
            String text = lab.line(source).strip();
            out.append('\n').append(source).append("  ").append(text).append('\n');
            for (int index : bySource.getOrDefault(source, List.of())) {
                Step step = plan.steps().get(index);
                String number = "[" + (index + 1) + "]";
                out.append("  ").append(pad(number, 6)).append(ShellQuoting.join(step.command().argv()))
                        .append(step.background() ? " &" : "").append('\n');
                out.append("        ").append(step.explanation().replace("\n", "\n        ")).append('\n');
            }
            for (Expectation e : checks.getOrDefault(source, List.of())) {
                out.append("        checked after apply and by check: a ping from ").append(e.from()).append(" to ")
                        .append(e.target()).append(e.dev() != null ? " out of " + e.dev() : "").append(e.reachable() ? " must get an answer" : " must get none")
                        .append('\n');
            }
        }
        return out.toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
