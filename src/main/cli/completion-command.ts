// `bridgeport completion bash|zsh` prints a completion script generated from this program's own
// commands; the hidden `bridgeport __complete containers` gives that script the container names.
import { Argument, type Command } from 'commander';
import { cliEngine } from './cli-engine';
import { completionSpecs } from './completion/completion-spec';
import { completionScript, type Shell } from './completion/completion-script';

/** Every container name Bridgeport sees (each engine's), once, one a line: what its commands accept. */
async function printContainerNames(): Promise<void> {
  const snapshot = await cliEngine().call('snapshot.get', {});
  const names = [...new Set(snapshot.containers.map((c) => c.name))].sort();
  process.stdout.write(names.map((name) => `${name}\n`).join(''));
}

export function registerCompletionCommands(program: Command): void {
  program
    .command('completion')
    .description('print a bash or zsh completion script (commands, options, container names): source <(bridgeport completion bash)')
    .addArgument(new Argument('<shell>', 'bash or zsh').choices(['bash', 'zsh']))
    .action((shell: Shell) => {
      process.stdout.write(completionScript(shell, completionSpecs(program)));
    });
  program
    .command('__complete', { hidden: true })
    .description('plain lists for the completion scripts')
    .addArgument(new Argument('<what>').choices(['containers']))
    .action(printContainerNames);
}
