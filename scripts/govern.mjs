#!/usr/bin/env node
// The Council's and the Technical Committee's motions: list, propose (also for root and for a
// runtime upgrade), vote, close; send on a root call both bodies approved; apply an upgrade.
import fs from 'node:fs';
import { blake2AsHex } from '@polkadot/util-crypto';
import { showEvents } from './lib/client.mjs';
import { UsageError, script } from './lib/cli.mjs';
import {
  BODIES, applyUpgrade, buildCall, close, describeCall, dispatchWhitelisted, forRoot, motions, propose,
  upgradeCall, vote,
} from './lib/governance.mjs';

const USAGE = `Usage: node scripts/govern.mjs [--ws URL] motions [council|committee]
       node scripts/govern.mjs --suri SURI propose BODY [--root] CALL [ARG ...]
       node scripts/govern.mjs --suri SURI propose BODY [--root] --upgrade WASM
       node scripts/govern.mjs --suri SURI vote BODY INDEX aye|nay
       node scripts/govern.mjs --suri SURI close BODY INDEX
       node scripts/govern.mjs --suri SURI dispatch (CALL [ARG ...] | --upgrade WASM)
       node scripts/govern.mjs --suri SURI apply-upgrade WASM

BODY is council (on the development chains //Alice, //Bob, //Charlie) or committee (the
Technical Committee; //Dave, //Eve, //Ferdie). A motion passes with two thirds of the body's
members, rounded up.

Commands:
  motions        the open motions of both bodies (or of one): index, hash, the call, ayes and
                 nays against the threshold, the block the motion ends at
  propose        a member proposes CALL ("pallet.method" as polkadot.js names it) with its
                 ARGs (each a JSON value; a word that is not JSON is text; amounts in the
                 smallest unit, 1 ALM = 1000000000000, quoted when large) and votes aye for
                 it; prints the motion's index and hash. A body of one member executes it at once.
                 --root  for a call only root may make: the committee's motion whitelists the
                         call's hash (whitelist.whitelistCall), the Council's dispatches the
                         call (whitelist.dispatchWhitelistedCallWithPreimage); both must pass,
                         in either order (see dispatch)
                 --upgrade WASM  in place of CALL: system.authorizeUpgrade of the runtime in the
                         file WASM (the build's .compact.compressed.wasm); only its hash goes
                         on chain. "propose committee --root --upgrade WASM" and "propose
                         council --root --upgrade WASM" are the two motions of an upgrade
  vote           a member votes on the open motion INDEX
  close          anyone closes the motion INDEX once two thirds voted aye (approved: the call
                 is executed) or enough nay that it cannot pass (disapproved), or once it
                 ended; prints what the call did, and exits 1 if it failed
  dispatch       anyone sends on a root call whose Council motion passed before the committee
                 whitelisted it (that motion only deferred the call, for a day)
  apply-upgrade  anyone applies the upgrade root authorized: sends the code
                 (system.applyAuthorizedUpgrade), waits for its finalization and prints the
                 spec version of the next block, the first the new code builds

Examples:
  node scripts/govern.mjs --suri //Alice propose council parameters.setParameter \\
    '{"Market":{"JobDeposit":[null,"200000000000"]}}'
  node scripts/govern.mjs --suri //Bob vote council 0 aye
  node scripts/govern.mjs --suri //Bob close council 0
  node scripts/govern.mjs --suri //Dave propose committee --root --upgrade runtime.compact.compressed.wasm
  node scripts/govern.mjs --suri //Alice propose council --root --upgrade runtime.compact.compressed.wasm
  node scripts/govern.mjs --suri //Alice apply-upgrade runtime.compact.compressed.wasm`;

const COMMANDS = ['motions', 'propose', 'vote', 'close', 'dispatch', 'apply-upgrade'];

/** The command line's shape, checked before anything connects. */
function check({ values, args }) {
  const [command, ...rest] = args;
  const body = (b) => {
    if (!BODIES[b]) throw new UsageError(`the body is council or committee, not "${b ?? ''}"`);
  };
  const index = (i) => {
    if (!/^\d+$/.test(i ?? '')) throw new UsageError(`INDEX is a motion's number, not "${i ?? ''}"`);
  };
  if (!COMMANDS.includes(command)) throw new UsageError(`the command is one of ${COMMANDS.join(', ')}, not "${command ?? ''}"`);
  if (values.root && command !== 'propose') throw new UsageError('--root goes with propose');
  if (values.upgrade !== undefined && !['propose', 'dispatch'].includes(command)) {
    throw new UsageError('--upgrade goes with propose or dispatch');
  }
  const callArgs = command === 'propose' ? rest.slice(1) : rest;
  if (command === 'motions') {
    if (rest.length > 1) throw new UsageError('motions takes at most a body');
    if (rest.length === 1) body(rest[0]);
  } else if (command === 'propose' || command === 'dispatch') {
    if (command === 'propose') body(rest[0]);
    if (values.upgrade !== undefined && callArgs.length > 0) throw new UsageError('--upgrade stands in place of CALL: no CALL with it');
    if (values.upgrade === undefined && callArgs.length === 0) throw new UsageError(`${command} needs a CALL or --upgrade WASM`);
  } else if (command === 'vote') {
    if (rest.length !== 3) throw new UsageError('vote takes BODY INDEX aye|nay');
    body(rest[0]);
    index(rest[1]);
    if (!['aye', 'nay'].includes(rest[2])) throw new UsageError(`the vote is aye or nay, not "${rest[2]}"`);
  } else if (command === 'close') {
    if (rest.length !== 2) throw new UsageError('close takes BODY INDEX');
    body(rest[0]);
    index(rest[1]);
  } else if (rest.length !== 1) {
    throw new UsageError('apply-upgrade takes the file of the new runtime');
  }
}

/** The bytes of a runtime file; one that cannot be read is a usage error. */
function readCode(file) {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${e.message}`);
  }
}

/** The call named on the command line, or `system.authorizeUpgrade` of --upgrade's file. */
function theCall(api, values, callArgs) {
  if (values.upgrade === undefined) return buildCall(api, callArgs[0], callArgs.slice(1));
  const code = readCode(values.upgrade);
  console.log(`code: ${values.upgrade}, ${code.length} bytes, blake2-256 ${blake2AsHex(code, 256)}`);
  return upgradeCall(api, code);
}

/** Prints the events a transaction emitted but its success and fee payment. */
function printEvents(api, blockHash, events) {
  console.log(`finalized in block ${blockHash}`);
  const shown = ({ event }) => !api.events.system.ExtrinsicSuccess.is(event) && event.section !== 'transactionPayment';
  showEvents(api, events.filter(shown));
}

/** Prints what executed calls did; a failure ends the script with its error. */
function executedResult({ failures, deferred }) {
  if (failures.length > 0) throw new Error(`the call failed: ${failures.join('; ')}`);
  if (deferred) {
    console.log('deferred: the committee has not whitelisted the call yet; once it has, anyone');
    console.log('sends it on within a day: node scripts/govern.mjs --suri SURI dispatch CALL|--upgrade WASM');
    return;
  }
  console.log('executed: ok');
}

script({
  usage: USAGE,
  options: {
    root: { type: 'boolean', default: false },
    upgrade: { type: 'string' },
  },
  signed: (args) => args[0] !== 'motions',
  check,
  main: async ({ api, pair, values, args }) => {
    const [command, ...rest] = args;
    if (command === 'motions') {
      for (const body of rest.length ? rest : Object.keys(BODIES)) {
        const open = await motions(api, body);
        const members = (await api.query[BODIES[body]].members()).length;
        console.log(`${body}: ${open.length} open motion(s), ${members} members`);
        for (const m of open) {
          console.log(`  #${m.index} ${m.hash}`);
          console.log(`    ${m.call ? describeCall(m.call) : '(the proposal is gone)'}`);
          console.log(`    ayes ${m.ayes.length}, nays ${m.nays.length}, threshold ${m.threshold}; ends at block #${m.end}`);
        }
      }
    } else if (command === 'propose') {
      const body = rest[0];
      const call = theCall(api, values, rest.slice(1));
      const proposal = values.root ? forRoot(api, body, call) : call;
      if (values.root) console.log(`for root: ${describeCall(call)}, call hash ${call.hash.toHex()}`);
      const m = await propose(api, pair, body, proposal);
      if (m.index === undefined) {
        printEvents(api, m.blockHash, m.events);
        console.log(`executed at once (threshold ${m.threshold} of ${m.members} members)`);
        executedResult(m);
        return;
      }
      console.log(`${body} motion #${m.index}, hash ${m.hash}: ${describeCall(proposal)}`);
      console.log(`  threshold ${m.threshold} of ${m.members} members; ayes ${m.ayes} (the proposer's); ends at block #${m.end}`);
    } else if (command === 'vote') {
      const [body, index, choice] = rest;
      const v = await vote(api, pair, body, Number(index), choice === 'aye');
      console.log(`voted ${choice} on ${body} motion #${v.index} (${v.hash}) in block ${v.blockHash}: ayes ${v.ayes}, nays ${v.nays}`);
    } else if (command === 'close') {
      const [body, index] = rest;
      const c = await close(api, pair, body, Number(index));
      printEvents(api, c.blockHash, c.events);
      console.log(`${body} motion #${c.index} ${c.approved ? 'approved' : 'disapproved'}`);
      if (c.approved) executedResult(c);
    } else if (command === 'dispatch') {
      const call = theCall(api, values, rest);
      const d = await dispatchWhitelisted(api, pair, call);
      printEvents(api, d.blockHash, d.events);
      executedResult(d);
    } else {
      const code = readCode(rest[0]);
      const u = await applyUpgrade(api, pair, code);
      printEvents(api, u.blockHash, u.events);
      if (!u.updated) throw new Error(`the code was not updated: ${u.rejected}`);
      console.log(`code updated; spec version ${u.specVersion} from the next block`);
    }
  },
});
