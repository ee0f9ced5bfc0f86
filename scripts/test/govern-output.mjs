// What the end-to-end files read from govern.mjs's output. Not a test file itself.
import assert from 'node:assert/strict';

/** The motion index `govern.mjs propose` printed for `body`. */
export const motionIndex = (out, body) => {
  const m = new RegExp(`${body} motion #(\\d+)`).exec(out);
  assert.ok(m, `a ${body} motion in: ${out}`);
  return m[1];
};
