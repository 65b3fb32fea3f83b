/** Every test file runs with the built-in languages registered, as the CLI does. */
import { registerBuiltinLanguages } from '../src/languages.js';

await registerBuiltinLanguages();
