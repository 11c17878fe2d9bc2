#!/usr/bin/env node
// Compiles every .sol file under --src to one JSON artifact per contract in --out, through solc-js standard JSON
// with the settings pinned below. Each file is compiled on its own (its imports are read from --src and from the
// read-only --lib roots), so its artifacts depend only on it and what it imports: AST ids in storageLayout do not
// shift when an unrelated file is added. Files from a --lib root are compiled as dependencies and get no
// artifacts. Output is deterministic (fixed settings, fixed key order, trailing newline), so the artifacts can be
// committed and `--check` can prove they match their sources. See README.md.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const HERE = dirname(fileURLToPath(import.meta.url));

// The settings that decide the bytecode. Recorded in every artifact as compiler.settings.
// bytecodeHash "none": the metadata hash would change the bytecode on comment-only edits; without it the
// bytecode depends on the code and the compiler alone (solc still appends its version in CBOR).
const SETTINGS = {
  evmVersion: 'cancun',
  optimizer: { enabled: true, runs: 200 },
  metadata: { bytecodeHash: 'none' },
};
const OUTPUTS = ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object', 'storageLayout'];

const USAGE = `usage: node build.mjs --src DIR --out DIR [--lib DIR]... [--check]

Compiles every .sol file under --src (recursively) with solc ${pinnedSolcVersion()} and writes one
<ContractName>.json per contract to --out. Stale artifacts in --out (JSON files with a contractName and a
compiler field that no source defines any more) are removed.

  --lib DIR  an extra read-only import root (repeatable): an import's source unit name (e.g. "L1/Foo.sol", or
             a relative import inside such a file) is looked up under --src and under every --lib; it must exist
             under exactly one of them. Files from a --lib root are compiled as dependencies, never to artifacts.
  --check    compile in memory only; exit 1 listing every artifact in --out that is missing, differs or is stale`;

function main() {
  let args;
  try {
    args = parseArgs({
      options: {
        src: { type: 'string' },
        out: { type: 'string' },
        lib: { type: 'string', multiple: true, default: [] },
        check: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (e) {
    return usageError(e.message);
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (!args.src || !args.out) {
    return usageError('both --src and --out are required');
  }
  const srcDir = resolve(args.src);
  const outDir = resolve(args.out);
  if (!existsSync(srcDir) || !statSync(srcDir).isDirectory()) {
    return usageError(`--src ${args.src}: not a directory`);
  }
  const libDirs = [];
  for (const lib of args.lib) {
    const libDir = resolve(lib);
    if (!existsSync(libDir) || !statSync(libDir).isDirectory()) {
      return usageError(`--lib ${lib}: not a directory`);
    }
    if (isInside(libDir, srcDir) || isInside(srcDir, libDir) || libDirs.includes(libDir)) {
      return usageError(`--lib ${lib}: overlaps --src or another --lib; import roots must be disjoint`);
    }
    libDirs.push(libDir);
  }
  // --src first: a source's own location is where its diagnostics point.
  const roots = [srcDir, ...libDirs];

  const solc = loadSolc();
  if (!solc) {
    return 2;
  }
  const sourceNames = findSources(srcDir);
  if (sourceNames.length === 0) {
    console.error(`build.mjs: no .sol files under ${args.src}`);
    return 1;
  }
  const compiled = new Map();
  const reported = new Set();
  let failed = false;
  for (const sourceName of sourceNames) {
    const contracts = compile(solc, sourceName, roots, reported);
    if (contracts) {
      compiled.set(sourceName, contracts);
    } else {
      failed = true;
    }
  }
  if (failed) {
    return 1;
  }
  const artifacts = toArtifacts(solc, compiled, sourceNames);
  if (!artifacts) {
    return 1;
  }
  return args.check ? check(artifacts, outDir, args.out) : write(artifacts, outDir, args.out);
}

function usageError(message) {
  console.error(`build.mjs: ${message}\n\n${USAGE}`);
  return 2;
}

function pinnedSolcVersion() {
  return JSON.parse(readFileSync(join(HERE, 'package.json'), 'utf8')).dependencies.solc;
}

/** solc from contracts/node_modules, refusing any version other than the one package.json pins. */
function loadSolc() {
  const pinned = pinnedSolcVersion();
  let solc;
  try {
    // solc is CommonJS; require() keeps the script synchronous and resolves from contracts/node_modules
    // whatever the working directory.
    solc = createRequire(join(HERE, 'package.json'))('solc');
  } catch (e) {
    console.error(`build.mjs: cannot load solc (${e.message}); run \`npm ci\` in ${HERE}`);
    return null;
  }
  const version = solc.version();
  if (!version.startsWith(`${pinned}+`)) {
    console.error(`build.mjs: installed solc is ${version}, package.json pins ${pinned}; run \`npm ci\` in ${HERE}`);
    return null;
  }
  return solc;
}

/** Every .sol file under dir, as '/'-separated paths relative to dir, sorted so the compiler input is stable. */
function findSources(dir) {
  const found = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) {
        continue;
      }
      const path = join(d, entry.name);
      if (entry.isDirectory()) {
        walk(path);
      } else if (entry.isFile() && entry.name.endsWith('.sol')) {
        found.push(relative(dir, path).split(sep).join('/'));
      }
    }
  };
  walk(dir);
  return found.sort();
}

function isInside(path, dir) {
  return path === dir || path.startsWith(dir + sep);
}

/**
 * The files a source unit name names: one per import root (--src, then each --lib) that holds a file by that
 * name. A name that climbs out of a root (leading "../") names nothing in it.
 */
function filesNamed(roots, sourceName) {
  return roots
    .map((root) => resolve(root, sourceName))
    .filter((file, i) => file.startsWith(roots[i] + sep) && existsSync(file) && statSync(file).isFile());
}

/** The contracts solc outputs for one source file, or null after printing its errors. */
function compile(solc, sourceName, roots, reported) {
  const [srcDir] = roots;
  const input = {
    language: 'Solidity',
    sources: { [sourceName]: { content: readSource(srcDir, sourceName) } },
    settings: { ...SETTINGS, outputSelection: { [sourceName]: { '*': OUTPUTS } } },
  };
  // solc hands the callback the import's source unit name, already resolved against the importing file.
  // Only files under --src and the --lib roots are served, so the artifacts never depend on anything else; a
  // name found under two roots is refused rather than letting the order of the roots pick one.
  const findImports = (path) => {
    const files = filesNamed(roots, path);
    if (files.length === 0) {
      const where = roots.length === 1 ? `under ${srcDir}; only files under --src can be imported`
        : `under --src or any --lib (${roots.join(', ')})`;
      return { error: `${path} is not a file ${where}` };
    }
    if (files.length > 1) {
      return { error: `${path} is ambiguous: ${files.join(' and ')}; rename one` };
    }
    return { contents: readFileSync(files[0], 'utf8') };
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
  let failed = false;
  for (const diagnostic of output.errors ?? []) {
    failed ||= diagnostic.severity === 'error';
    // A file imported by several sources would report the same problem once per importer.
    const text = describe(diagnostic, roots);
    if (!reported.has(text)) {
      reported.add(text);
      console.error(text);
    }
  }
  return failed ? null : (output.contracts?.[sourceName] ?? {});
}

function readSource(srcDir, sourceName) {
  return readFileSync(join(srcDir, sourceName), 'utf8');
}

/** "path:line:column: Type: message" (path relative to the working directory), then solc's excerpt. */
function describe(diagnostic, roots) {
  const loc = diagnostic.sourceLocation;
  let where = 'solc';
  if (loc?.file) {
    const absolute = filesNamed(roots, loc.file)[0] ?? join(roots[0], loc.file);
    const fromCwd = relative(process.cwd(), absolute);
    const path = fromCwd.startsWith('..') ? absolute : fromCwd;
    if (existsSync(absolute) && loc.start >= 0) {
      // solc reports byte offsets; count lines and columns over the UTF-8 bytes.
      const before = readFileSync(absolute).subarray(0, loc.start).toString('utf8');
      const lines = before.split('\n');
      where = `${path}:${lines.length}:${lines[lines.length - 1].length + 1}`;
    } else {
      where = path;
    }
  }
  const excerpt = (diagnostic.formattedMessage ?? '')
    .split('\n')
    .slice(1)
    .filter((line) => !line.trimStart().startsWith('-->'))
    .join('\n')
    .trimEnd();
  const head = `${where}: ${diagnostic.type ?? diagnostic.severity}: ${diagnostic.message}`;
  return excerpt ? `${head}\n${excerpt}\n` : head;
}

/** Map of file name to artifact text, or null (after printing why) if the contracts cannot be written flat. */
function toArtifacts(solc, compiled, sourceNames) {
  const artifacts = new Map();
  const compiler = { version: solc.version(), settings: SETTINGS };
  let ok = true;
  for (const sourceName of sourceNames) {
    const contracts = compiled.get(sourceName);
    for (const contractName of Object.keys(contracts).sort()) {
      const c = contracts[contractName];
      const fileName = `${contractName}.json`;
      if (artifacts.has(fileName)) {
        console.error(`build.mjs: contract ${contractName} is defined in ${artifacts.get(fileName).sourceName} and `
          + `${sourceName}; artifacts are named by contract, so rename one`);
        ok = false;
        continue;
      }
      const bytecode = c.evm.bytecode.object;
      if (bytecode.includes('__$')) {
        console.error(`build.mjs: ${sourceName}:${contractName} needs library linking, which build.mjs does not do; `
          + 'make the library functions internal');
        ok = false;
        continue;
      }
      const artifact = {
        contractName,
        sourceName,
        abi: sortKeys(c.abi),
        bytecode: `0x${bytecode}`,
        deployedBytecode: `0x${c.evm.deployedBytecode.object}`,
        storageLayout: sortKeys(c.storageLayout),
        compiler,
      };
      artifacts.set(fileName, { sourceName, text: `${JSON.stringify(artifact, null, 2)}\n` });
    }
  }
  return ok ? artifacts : null;
}

/** A copy with every object's keys in sorted order (arrays keep theirs), so solc's output order cannot leak in. */
function sortKeys(value) {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys(value[k])]));
  }
  return value;
}

/** JSON files in dir that this script wrote (they carry contractName and compiler) but that no source produces. */
function staleArtifacts(artifacts, outDir) {
  if (!existsSync(outDir)) {
    return [];
  }
  return readdirSync(outDir)
    .filter((name) => name.endsWith('.json') && !artifacts.has(name))
    .filter((name) => {
      try {
        const json = JSON.parse(readFileSync(join(outDir, name), 'utf8'));
        return typeof json.contractName === 'string' && typeof json.compiler === 'object';
      } catch {
        return false;
      }
    })
    .sort();
}

function write(artifacts, outDir, outArg) {
  mkdirSync(outDir, { recursive: true });
  let changed = 0;
  for (const [name, { text }] of artifacts) {
    const path = join(outDir, name);
    if (existsSync(path) && readFileSync(path, 'utf8') === text) {
      continue;
    }
    writeFileSync(path, text);
    console.log(`wrote ${join(outArg, name)}`);
    changed++;
  }
  for (const name of staleArtifacts(artifacts, outDir)) {
    unlinkSync(join(outDir, name));
    console.log(`removed stale ${join(outArg, name)}`);
    changed++;
  }
  console.log(`${artifacts.size} artifact(s) in ${outArg}, ${changed} changed`);
  return 0;
}

function check(artifacts, outDir, outArg) {
  const problems = [];
  for (const [name, { text }] of artifacts) {
    const path = join(outDir, name);
    if (!existsSync(path)) {
      problems.push(`missing  ${join(outArg, name)}`);
    } else if (readFileSync(path, 'utf8') !== text) {
      problems.push(`differs  ${join(outArg, name)}`);
    }
  }
  for (const name of staleArtifacts(artifacts, outDir)) {
    problems.push(`stale    ${join(outArg, name)} (no source defines it)`);
  }
  if (problems.length > 0) {
    console.error(`build.mjs --check: ${problems.length} artifact(s) out of date with their sources:`);
    for (const p of problems) {
      console.error(`  ${p}`);
    }
    console.error('rebuild them with the same command without --check, and commit the result');
    return 1;
  }
  console.log(`${artifacts.size} artifact(s) in ${outArg} match their sources`);
  return 0;
}

process.exitCode = main();
