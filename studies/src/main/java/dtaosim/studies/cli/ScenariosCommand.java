package dtaosim.studies.cli;

import dtaosim.studies.scenario.BuiltInScenarios;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dtaosim scenarios [NAME]}: the built-in scenarios, or one of them as YAML to copy. */
@Command(name = "scenarios", mixinStandardHelpOptions = true,
        description = {"Lists the built-in scenarios, one line each; with a NAME prints its YAML.",
            "The YAML is a starting point to copy:",
            "  dtaosim scenarios taoflow-demo > my.yaml; dtaosim run my.yaml"})
final class ScenariosCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "a built-in scenario, e.g. reference")
    private String name;

    @Override
    public Integer call() {
        final PrintWriter out = spec.commandLine().getOut();
        if (name == null) {
            out.printf("%-16s %-20s %s%n", "scenario", "era", "description");
            for (final String builtIn : BuiltInScenarios.NAMES) {
                final var file = BuiltInScenarios.load(builtIn);
                // a schedule shows its first era and how many follow
                final int later = file.eras().size() - 1;
                out.printf("%-16s %-20s %s%n", builtIn, file.era().id() + (later == 0 ? "" : " +" + later),
                        file.summaryLine());
            }
            out.println();
            out.println("Print one (to copy and edit): dtaosim scenarios NAME;  run one: dtaosim run NAME|FILE");
        } else {
            out.print(BuiltInScenarios.text(name));
        }
        out.flush();
        return 0;
    }
}
