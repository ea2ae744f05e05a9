import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { shownHeaderValue } from '../../demos/render/credentials.js';

describe('credentials on the screen', () => {
  test('when a long bearer token is shown then its scheme and first characters stay, the rest is cut', () => {
    assert.equal(shownHeaderValue('Authorization', 'Bearer awt.write.3f9c1e7a52d04b68'), 'Bearer awt.writ…');
    assert.equal(shownHeaderValue('proxy-authorization', 'Basic dXNlcjpwYXNzd29yZA=='), 'Basic dXNlcjpw…');
  });

  test('when the credential is short, or the header carries none, then the value is shown as it was', () => {
    assert.equal(shownHeaderValue('Authorization', 'Bearer book-club'), 'Bearer book-club');
    assert.equal(
      shownHeaderValue('WWW-Authenticate', 'Bearer realm="books", error="invalid_token"'),
      'Bearer realm="books", error="invalid_token"',
    );
    assert.equal(shownHeaderValue('Authorization', 'Bearer a b c d e f g h i j k'), 'Bearer a b c d e f g h i j k');
  });
});
