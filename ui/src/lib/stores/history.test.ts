import { expect, test } from "vitest";

import { history, HISTORY_LIMIT, type Undoable } from "./history.svelte";

/** An edit of a counter, whose undo can be made to fail. */
function step(state: { value: number; fail: boolean }, by: number): Undoable {
  return {
    label: `add ${by}`,
    undo: async () => {
      if (state.fail) return false;
      state.value -= by;
      return true;
    },
    redo: async () => {
      state.value += by;
      return true;
    },
  };
}

test("undo and redo walk the stack; a new edit drops what could be redone", async () => {
  history.clear();
  const state = { value: 3, fail: false };
  history.record(step(state, 1));
  history.record(step(state, 2));
  await history.undo();
  expect(state.value).toBe(1);
  expect(history.said).toBe("Undone: add 2");
  await history.redo();
  expect(state.value).toBe(3);
  await history.undo();
  history.record(step(state, 5));
  expect(history.undone).toEqual([]);
  await history.redo();
  expect(history.said).toBe("Nothing to redo");
});

test("an undo that fails keeps the edit where it was", async () => {
  history.clear();
  const state = { value: 1, fail: true };
  history.record(step(state, 1));
  await history.undo();
  expect(history.said).toBe("Could not undo: add 1");
  expect(history.done).toHaveLength(1);
  expect(history.undone).toHaveLength(0);
  state.fail = false;
  await history.undo();
  expect(state.value).toBe(0);
});

test("forget drops the latest matching edit; the stack keeps at most HISTORY_LIMIT", () => {
  history.clear();
  const state = { value: 0, fail: false };
  const a = step(state, 1);
  const b = step(state, 2);
  history.record(a);
  history.record(b);
  history.record(step(state, 3));
  history.forget((e) => e === a || e === b);
  expect(history.done.map((e) => e.label)).toEqual(["add 1", "add 3"]);
  for (let i = 0; i < HISTORY_LIMIT + 10; i++) history.record(step(state, i));
  expect(history.done).toHaveLength(HISTORY_LIMIT);
});
