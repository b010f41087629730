// Rates new passwords off the serving thread (started by password-policy.ts): zxcvbn's matchers take up to
// a second on long, repetitive input, which would stall every other request on the event loop.
// Plain JavaScript: a worker thread does not get the tsx loader the server runs under.
import { parentPort, workerData } from 'node:worker_threads';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...en.dictionary },
  graphs: common.adjacencyGraphs,
  maxLength: workerData.maxLength,
});

parentPort.on('message', ({ id, password, userInputs }) => {
  try {
    const result = zxcvbn.check(password, userInputs);
    parentPort.postMessage({ id, score: result.score, warning: result.feedback.warning });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error) });
  }
});
