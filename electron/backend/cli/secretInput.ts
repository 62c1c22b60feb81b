import readline from 'node:readline';

/**
 * Reads a secret without it ever being on the command line (where other users
 * of the PC could see it in the process list): from a hidden prompt on a
 * terminal, or the first line of standard input for scheduled tasks.
 */
export async function readSecret(prompt: string, input: NodeJS.ReadStream = process.stdin): Promise<string> {
  if (!input.isTTY) return readFirstLine(input);
  const rl = readline.createInterface({ input, output: process.stderr, terminal: true });
  const output = rl as unknown as { _writeToOutput?: (text: string) => void };
  let prompted = false;
  output._writeToOutput = (text: string) => {
    // Show the prompt once, then nothing of what is typed.
    if (!prompted) {
      process.stderr.write(text);
      prompted = true;
    }
  };
  try {
    return await new Promise<string>((resolve) => rl.question(prompt, resolve));
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

async function readFirstLine(input: NodeJS.ReadableStream): Promise<string> {
  const rl = readline.createInterface({ input, terminal: false });
  try {
    for await (const line of rl) return line;
    return '';
  } finally {
    rl.close();
  }
}
