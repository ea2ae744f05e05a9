import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { usageError } from '../../bin/program.js';

describe("commander's usage errors in the user's language", () => {
  test('when an option is unknown then German says so in German and keeps the suggestion', () => {
    assert.equal(
      usageError("error: unknown option '--quik'\n(Did you mean --quick?)", 'de'),
      'Unbekannte Option „--quik“.\n(Meintest du --quick?)',
    );
    assert.equal(usageError("error: unknown option '--quik'", 'en'), "unknown option '--quik'");
  });

  test('when a value or an argument is missing or there are too many then German names the option', () => {
    assert.equal(
      usageError("error: option '--lang <lang>' argument missing", 'de'),
      'Zur Option --lang fehlt der Wert.',
    );
    assert.equal(usageError("error: missing required argument 'id'", 'de'), 'Das Argument „id“ fehlt.');
    assert.equal(
      usageError('error: too many arguments. Expected 1 argument but got 2.', 'de'),
      'Zu viele Argumente: erwartet wird eines, es waren 2.',
    );
  });

  test('when commander says something the catalogue does not know then its text stands as it is', () => {
    assert.equal(usageError('error: something new', 'de'), 'something new');
  });
});
