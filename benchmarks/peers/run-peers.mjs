// Runs the evm-benchmarks state tests (shared/fixtures/evm-benchmarks) on peer EVMs and prints Mgas/s per case:
//   ethereumjs: @ethereumjs/vm runTx on a block of the file's env, Cancun rules (the JavaScript EVM);
//   edr:        Hardhat 2.29.1's in-process network (EDR, Rust, revm-based) through eth_call.
// Method (same as opsim's dev.opsim.benchmarks.EvmThroughput): per case, run for --warmup s, then at least
// --seconds s and 3 runs; Mgas/s = gas used x runs / elapsed. Gas = the transaction's receipt gas used
// (21,000 + calldata + execution, after refunds). Set-up and state-root computation are not timed.
// With --opsim FILE (EvmThroughput's JSON lines) it also prints the comparison table with ratios.
//
// Usage: node run-peers.mjs [--evm ethereumjs|edr|all] [--run REGEX] [--warmup S] [--seconds S] [--dir PATH]
//                          [--opsim FILE]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Common, Hardfork, Mainnet } from '@ethereumjs/common';
import { createBlock } from '@ethereumjs/block';
import { createTxFromRLP } from '@ethereumjs/tx';
import { createAccount, createAddressFromString, hexToBytes, bytesToHex, setLengthLeft } from '@ethereumjs/util';
import { createVM, runTx } from '@ethereumjs/vm';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const which = opt('--evm', 'all');
const filter = opt('--run') ? new RegExp(opt('--run')) : null;
const warmupS = Number(opt('--warmup', '2'));
const seconds = Number(opt('--seconds', '3'));
const dir = path.resolve(opt('--dir', path.join(here, '..', '..', '..', 'shared', 'fixtures', 'evm-benchmarks',
  'benchmarks')));
const opsimFile = opt('--opsim');

function loadCases() {
  const files = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.json')) files.push(p);
    }
  };
  walk(dir);
  const cases = [];
  for (const f of files.sort()) {
    const stem = path.basename(f, '.json');
    for (const test of Object.values(JSON.parse(fs.readFileSync(f, 'utf8')))) {
      for (const post of test.post.London) {
        const d = post.indexes.data;
        const label = test._info?.labels?.[String(d)] ?? `d${d}`;
        cases.push({ id: `${stem}/${label}`, test, post, data: test.transaction.data[d] });
      }
    }
  }
  cases.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return cases.filter((c) => !filter || filter.test(c.id));
}

const now = () => Number(process.hrtime.bigint()) / 1e9;

async function measure(run, gas, warm = warmupS, secs = seconds) {
  const warmEnd = now() + warm;
  while (now() < warmEnd) await run();
  let runs = 0;
  const start = now();
  let t;
  do {
    const used = await run();
    if (used !== gas) throw new Error(`gas used changed between runs: ${used} vs ${gas}`);
    runs++;
    t = now();
  } while (t - start < secs || runs < 3);
  return { runs, seconds: t - start };
}

// ---- ethereumjs

const common = new Common({ chain: Mainnet, hardfork: Hardfork.Cancun });

async function ethereumjsVm(test) {
  const vm = await createVM({ common });
  for (const [addr, acc] of Object.entries(test.pre)) {
    const a = createAddressFromString(addr);
    await vm.stateManager.putAccount(a, createAccount({ nonce: BigInt(acc.nonce), balance: BigInt(acc.balance) }));
    if (acc.code && acc.code !== '0x') await vm.stateManager.putCode(a, hexToBytes(acc.code));
    for (const [k, v] of Object.entries(acc.storage ?? {})) {
      await vm.stateManager.putStorage(a, setLengthLeft(hexToBytes(k), 32), hexToBytes(v));
    }
  }
  return vm;
}

function ethereumjsBlock(env) {
  return createBlock({
    header: {
      number: BigInt(env.currentNumber),
      coinbase: createAddressFromString(env.currentCoinbase),
      timestamp: BigInt(env.currentTimestamp),
      gasLimit: BigInt(env.currentGasLimit),
      baseFeePerGas: BigInt(env.currentBaseFee),
      difficulty: 0n,
      mixHash: setLengthLeft(hexToBytes(env.currentRandom), 32),
      excessBlobGas: 0n,
    },
  }, { common });
}

async function runEthereumjs(c) {
  const block = ethereumjsBlock(c.test.env);
  const tx = createTxFromRLP(hexToBytes(c.post.txbytes), { common });
  // Correctness first, on its own VM: the post-state root must be the file's.
  const check = await ethereumjsVm(c.test);
  const first = await runTx(check, { tx, block, skipHardForkValidation: true });
  const root = bytesToHex(await check.stateManager.getStateRoot());
  if (root !== c.post.hash) throw new Error(`${c.id}: ethereumjs post state root ${root}, file ${c.post.hash}`);
  const gas = first.totalGasSpent;
  const vm = await ethereumjsVm(c.test);
  const run = async () => {
    await vm.stateManager.checkpoint();
    const r = await runTx(vm, { tx, block, skipHardForkValidation: true });
    await vm.stateManager.revert();
    return r.totalGasSpent;
  };
  return { gas, ...(await measure(run, gas)) };
}

// ---- EDR through Hardhat 2.29.1's in-process network

let hre;
async function runEdr(c) {
  if (!hre) {
    process.chdir(here); // Hardhat finds hardhat.config.cjs from the working directory
    process.env.HARDHAT_DISABLE_TELEMETRY_PROMPT = 'true';
    hre = createRequire(import.meta.url)('hardhat');
  }
  const p = hre.network.provider;
  const rq = (method, params = []) => p.request({ method, params });
  await rq('hardhat_reset');
  const t = c.test;
  for (const [addr, acc] of Object.entries(t.pre)) {
    await rq('hardhat_setBalance', [addr, '0x' + BigInt(acc.balance).toString(16)]);
    await rq('hardhat_setNonce', [addr, '0x' + BigInt(acc.nonce).toString(16)]);
    await rq('hardhat_setCode', [addr, acc.code]);
    for (const [k, v] of Object.entries(acc.storage ?? {})) {
      await rq('hardhat_setStorageAt', [addr, '0x' + BigInt(k).toString(16).padStart(64, '0'),
        '0x' + BigInt(v).toString(16).padStart(64, '0')]);
    }
  }
  await rq('hardhat_setCoinbase', [t.env.currentCoinbase]);
  const call = { from: t.transaction.sender, to: t.transaction.to, data: c.data, gas: t.transaction.gasLimit[0] };
  // Gas from a mined transaction's receipt (then undone), so the figure is the receipt's, as for the others.
  const snap = await rq('evm_snapshot');
  await rq('hardhat_impersonateAccount', [t.transaction.sender]);
  // Only for this mined copy: the file funds exactly 1e9 gas at price 1, below Hardhat's next-block fee.
  await rq('hardhat_setBalance', [t.transaction.sender, '0x' + (10n ** 30n).toString(16)]);
  const hash = await rq('eth_sendTransaction', [{ ...call, gasPrice: '0x' + (10n ** 3n).toString(16) }]);
  const receipt = await rq('eth_getTransactionReceipt', [hash]);
  if (receipt.status !== '0x1') throw new Error(`${c.id}: EDR transaction failed`);
  const gas = BigInt(receipt.gasUsed);
  await rq('evm_revert', [snap]);
  const run = async () => {
    await rq('eth_call', [call, 'latest']);
    return gas;
  };
  // Hardhat's fixed cost per eth_call (request handling, call set-up, trace hand-over), from the same call to an
  // account without code; reported next to the raw figure, which stays the headline number.
  const empty = { ...call, to: '0x00000000000000000000000000000000000000ee', data: '0x' };
  const base = await measure(async () => {
    await rq('eth_call', [empty, 'latest']);
    return 0n;
  }, 0n, 0.5, 1);
  return { gas, ...(await measure(run, gas)), overheadMs: base.seconds * 1e3 / base.runs };
}

// ---- main

const evms = which === 'all' ? ['ethereumjs', 'edr'] : [which];
const results = [];
console.log(`${'evm'.padEnd(11)} ${'case'.padEnd(36)} ${'gas used'.padStart(12)} ${'runs'.padStart(6)} ` +
  `${'ms/run'.padStart(11)} ${'Mgas/s'.padStart(9)}`);
for (const c of loadCases()) {
  for (const evm of evms) {
    const r = evm === 'ethereumjs' ? await runEthereumjs(c) : await runEdr(c);
    const m = { evm, case: c.id, gasUsed: Number(r.gas), runs: r.runs, seconds: r.seconds,
      mgasPerSecond: Number(r.gas) * r.runs / r.seconds / 1e6 };
    if (r.overheadMs !== undefined) {
      m.callOverheadMs = r.overheadMs;
      const net = m.seconds * 1e3 / m.runs - r.overheadMs;
      m.mgasPerSecondWithoutCallOverhead = net > 0 ? Number(r.gas) / net / 1e3 : null;
    }
    results.push(m);
    console.log(`${evm.padEnd(11)} ${c.id.padEnd(36)} ${String(m.gasUsed).padStart(12)} ${String(m.runs).padStart(6)} ` +
      `${(m.seconds * 1e3 / m.runs).toFixed(3).padStart(11)} ${m.mgasPerSecond.toFixed(2).padStart(9)}`);
  }
}
for (const m of results) console.log(JSON.stringify(m));

if (opsimFile) {
  const opsim = new Map(fs.readFileSync(opsimFile, 'utf8').split('\n').filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l)).map((m) => [m.case, m]));
  const by = (evm, id) => results.find((m) => m.evm === evm && m.case === id);
  const f = (x) => (x === undefined ? '—' : x.toFixed(1));
  console.log('\n| case | gas used | opsim Mgas/s | ethereumjs Mgas/s | EDR Mgas/s (without call overhead) |' +
    ' opsim / ethereumjs | EDR / opsim |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const id of [...new Set(results.map((m) => m.case))]) {
    const o = opsim.get(id)?.mgasPerSecond;
    const j = by('ethereumjs', id)?.mgasPerSecond;
    const e = by('edr', id)?.mgasPerSecond;
    const eNet = by('edr', id)?.mgasPerSecondWithoutCallOverhead;
    const gasUsed = by(evms[0], id).gasUsed;
    if (opsim.get(id) && opsim.get(id).gasUsed !== gasUsed) throw new Error(`${id}: gas differs from opsim`);
    console.log(`| ${id} | ${gasUsed.toLocaleString('en')} | ${f(o)} | ${f(j)} | ${f(e)}${eNet ? ` (${f(eNet)})` : ''} | ` +
      `${o && j ? (o / j).toFixed(1) + '×' : '—'} | ${o && e ? (e / o).toFixed(2) + '×' : '—'} |`);
  }
}
process.exit(0);
