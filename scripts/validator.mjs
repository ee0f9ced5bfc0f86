#!/usr/bin/env node
// Becomes, stays or stops being an Allmende validator: session keys, candidacy, status.
import { parseAmount, showAmount } from './lib/client.mjs';
import { script, send } from './lib/cli.mjs';
import { candidacy, generateSessionKeys, setSessionKeys, validatorStatus } from './lib/validator.mjs';

const USAGE = `Usage: node scripts/validator.mjs --suri SURI [--ws URL] COMMAND

Commands:
  keys         generate session keys on the node at --ws (author_rotateKeysWithOwner; the node
               must be yours: the call is unsafe and answers on a local RPC only) and register
               them on-chain with session.setKeys (holds the session key deposit)
               --keys 0x.. --proof 0x..  register keys made elsewhere instead
  candidate    become a validator candidate: session keys must be set; holds the candidacy
               bond. At each session boundary the candidates with the highest bonds fill the
               open seats beside the invulnerables (genesis validators): fewer than half as
               many as there are invulnerables, and at most collatorSelection.desiredCandidates.
               --bond ALM   bond more than the minimum (collatorSelection.updateBond)
  leave        stop being a candidate; the bond comes back at once and the node leaves the
               validator set at a session boundary
  status       session, validators, candidates and this account's part in them

A candidate that authors no block for collatorSelection.kickThreshold blocks is removed at a
session boundary and gets its bond back.`;

script({
  usage: USAGE,
  options: {
    keys: { type: 'string' },
    proof: { type: 'string' },
    bond: { type: 'string' },
  },
  main: async ({ api, pair, values, args }) => {
    const command = args[0];
    if (command === 'keys') {
      let keys = values.keys;
      let proof = values.proof;
      if (!keys) {
        ({ keys, proof } = await generateSessionKeys(api, pair.address));
        console.log(`generated on the node: keys ${keys}`);
      } else if (!proof) {
        throw new Error('--keys needs --proof (the ownership proof author_rotateKeysWithOwner returns)');
      }
      await setSessionKeys(api, pair, keys, proof, send);
      console.log(`session keys of ${pair.address} set; they take effect at the next session`);
    } else if (command === 'candidate') {
      const bond = values.bond === undefined ? undefined : parseAmount(api, values.bond);
      await candidacy(api, pair, bond, send);
    } else if (command === 'leave') {
      await send(api, api.tx.collatorSelection.leaveIntent(), pair);
    } else if (command === 'status') {
      const s = await validatorStatus(api, pair.address);
      console.log(`session ${s.session}, ${s.validators.length} validators, ` +
        `${s.candidates.length} candidate(s) for ${s.openSeats} open seat(s), ` +
        `candidacy bond ${showAmount(api, s.candidacyBond)}`);
      console.log(`${pair.address}:`);
      console.log(`  session keys   ${s.keys ?? 'none'}`);
      console.log(`  invulnerable   ${s.invulnerable}`);
      console.log(`  candidate      ${s.candidate ? `bond ${showAmount(api, s.candidate.deposit)}` : 'no'}`);
      console.log(`  validator now  ${s.validator}`);
      console.log(`  last authored  ${s.lastAuthored ?? '-'}`);
      console.log(`  GRANDPA votes  ${s.votes ? `in ${s.votes.voted} of ${s.votes.voted + s.votes.missed} rounds noted this session` : '-'}` +
        (s.silentAfter === null ? '' : ` (in none of ${s.silentAfter} or more, ${s.silentSessions} sessions in a row: a candidate's seat is lost)`));
    } else {
      throw new Error(`unknown command "${command ?? ''}"; one of keys, candidate, leave, status`);
    }
  },
});
