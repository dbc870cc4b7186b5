// Builds the seed scenario once for every lab test file (the lab itself is made by test/lab/lab.sh).
import { seedScenario } from './support';

export default async function setup(): Promise<void> {
  await seedScenario();
}
