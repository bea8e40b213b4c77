package nslab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nslab.command.LabSource;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The bash (and zsh, through bashcompinit) completion script: picocli's {@link AutoComplete}
 * script for the commands and options, and a wrapper, also made from the command model, for the
 * lab argument, which picocli's script cannot know when it is generated: the {@code .groovy} files
 * where the argument is typed and, for verbs that take a live lab's name, the labs with a journal.
 * Those are read from the journal folder ({@code $NSLAB_RUN_DIR}, else {@code /run/nslab}): a
 * journal is named after its lab (lab names are letters, digits, '_', '.', '-'), so nothing is
 * run, neither nslab nor a script.
 */
final class CompletionScript {
    private CompletionScript() {}

    static String bash(CommandLine root) {
        String name = root.getCommandName();
        String fn = "_nslab_complete_lab_argument";
        List<String> scripts = new ArrayList<>();
        List<String> named = new ArrayList<>();
        Set<String> valued = new TreeSet<>();
        for (CommandLine sub : root.getSubcommands().values()) {
            CommandSpec verb = sub.getCommandSpec();
            for (OptionSpec o : verb.options()) if (o.arity().max() > 0) valued.addAll(List.of(o.names()));
            LabSource source = labSource(verb);
            if (source == null) continue;
            (source instanceof LabSource.OrName || source instanceof LabSource.OrAll ? named : scripts).add(verb.name());
        }
        return AutoComplete.bash(name, root) + "\n"
                + "# The lab argument (the first word after the verb): .groovy files and folders; for "
                + String.join(" and ", named) + "\n"
                + "# also the names of the live labs, read from the journal folder (nothing is run).\n"
                + "function " + fn + "() {\n"
                + "  local cur=${COMP_WORDS[COMP_CWORD]} verb='' before=0 skip=0 i w\n"
                + "  [[ $cur == -* ]] && return\n"
                + "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
                + "    w=${COMP_WORDS[i]}\n"
                + "    if ((skip)); then skip=0; continue; fi\n"
                + "    case $w in\n"
                + "      " + String.join("|", valued) + ") skip=1 ;;\n"
                + "      -*) ;;\n"
                + "      *) if [[ -z $verb ]]; then verb=$w; else before=$((before + 1)); fi ;;\n"
                + "    esac\n"
                + "  done\n"
                + "  ((skip || before > 0)) && return\n"
                + "  case $verb in\n"
                + "    " + String.join("|", named) + ")\n"
                + "      local journal\n"
                + "      for journal in \"${NSLAB_RUN_DIR:-/run/nslab}\"/*.journal; do\n"
                + "        [[ -f $journal ]] || continue\n"
                + "        journal=${journal##*/}; journal=${journal%.journal}\n"
                + "        [[ $journal == \"$cur\"* ]] && COMPREPLY+=(\"$journal\")\n"
                + "      done ;;\n"
                + "    " + String.join("|", scripts) + ") ;;\n"
                + "    *) return ;;\n"
                + "  esac\n"
                + "  local IFS=$'\\n'\n"
                + "  type compopt &>/dev/null && compopt -o filenames\n"
                + "  COMPREPLY+=($(compgen -d -- \"$cur\") $(compgen -f -X '!*.groovy' -- \"$cur\"))\n"
                + "}\n\n"
                + "function _nslab_complete() {\n"
                + "  _complete_" + name + " \"$@\"\n"
                + "  " + fn + "\n"
                + "}\n"
                + "complete -F _nslab_complete -o default " + name + "\n";
    }

    private static LabSource labSource(CommandSpec verb) {
        for (CommandSpec mixin : verb.mixins().values()) {
            if (mixin.userObject() instanceof LabSource source) return source;
        }
        return null;
    }
}
