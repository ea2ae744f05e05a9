import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import soap from 'soap';
import { wsseNs } from '../../demos/soap/fault.js';
import {
  checkUsernameToken,
  demoAccount,
  digestOf,
  NonceCache,
  passwordDigest,
  passwordText,
  wsuNs,
} from '../../demos/soap/ws-security.js';
import { parseXml, type XmlElement } from '../../demos/soap/xml-tree.js';

const now = new Date('2026-10-01T09:00:00Z');

function security(xml: string): XmlElement {
  const parsed = parseXml(xml);
  assert.ok(parsed.ok, xml);
  return parsed.root;
}

function token(fields: { username?: string; password: string; type?: string; nonce?: string; created?: string }) {
  const type = fields.type ? ` Type="${fields.type}"` : '';
  return security(
    `<wsse:Security xmlns:wsse="${wsseNs}" xmlns:wsu="${wsuNs}"><wsse:UsernameToken>` +
      `<wsse:Username>${fields.username ?? demoAccount.username}</wsse:Username>` +
      `<wsse:Password${type}>${fields.password}</wsse:Password>` +
      (fields.nonce ? `<wsse:Nonce>${fields.nonce}</wsse:Nonce>` : '') +
      (fields.created ? `<wsu:Created>${fields.created}</wsu:Created>` : '') +
      '</wsse:UsernameToken></wsse:Security>',
  );
}

function digestToken(password: string, created = now.toISOString(), nonce = randomBytes(16).toString('base64')) {
  return {
    nonce,
    created,
    element: token({ password: digestOf(nonce, created, password), type: passwordDigest, nonce, created }),
  };
}

describe('WS-Security UsernameToken checks', () => {
  test('when there is no Security header or no UsernameToken then it fails and says which', () => {
    assert.deepEqual(checkUsernameToken(undefined, now, new NonceCache()), {
      ok: false,
      reason: 'The request has no wsse:Security header.',
    });
    const empty = security(`<wsse:Security xmlns:wsse="${wsseNs}"/>`);
    assert.match(
      String((checkUsernameToken(empty, now, new NonceCache()) as { reason: string }).reason),
      /no wsse:UsernameToken/,
    );
  });

  test('when a PasswordText is right then it passes; a wrong password or user fails alike', () => {
    const nonces = new NonceCache();
    assert.deepEqual(checkUsernameToken(token({ password: demoAccount.password, type: passwordText }), now, nonces), {
      ok: true,
      username: 'student',
    });
    // Without a Type the password is plain text (UsernameToken Profile 1.0 §4).
    assert.equal(checkUsernameToken(token({ password: demoAccount.password }), now, nonces).ok, true);
    const wrong = checkUsernameToken(token({ password: 'guess' }), now, nonces);
    const stranger = checkUsernameToken(token({ username: 'mallory', password: demoAccount.password }), now, nonces);
    assert.deepEqual(wrong, { ok: false, reason: 'Unknown user or wrong password.' });
    assert.deepEqual(stranger, wrong);
  });

  test('when a PasswordDigest is right and fresh then it passes, and the same nonce a second time is a replay', () => {
    const nonces = new NonceCache();
    const { element } = digestToken(demoAccount.password);
    assert.equal(checkUsernameToken(element, now, nonces).ok, true);
    assert.deepEqual(checkUsernameToken(element, now, nonces), {
      ok: false,
      reason: 'This nonce was used before: a replay.',
    });
  });

  test('when a PasswordDigest is made with the wrong password then it fails without burning the nonce', () => {
    const nonces = new NonceCache();
    const wrong = digestToken('guess');
    assert.equal(checkUsernameToken(wrong.element, now, nonces).ok, false);
    const right = digestToken(demoAccount.password, wrong.created, wrong.nonce);
    assert.equal(checkUsernameToken(right.element, now, nonces).ok, true);
  });

  test('when a PasswordDigest is older than five minutes or from the future then it fails', () => {
    const nonces = new NonceCache();
    const stale = digestToken(demoAccount.password, new Date(now.getTime() - 6 * 60_000).toISOString());
    assert.match(
      (checkUsernameToken(stale.element, now, nonces) as { reason: string }).reason,
      /not within five minutes/,
    );
    const future = digestToken(demoAccount.password, new Date(now.getTime() + 2 * 60_000).toISOString());
    assert.equal(checkUsernameToken(future.element, now, nonces).ok, false);
    const noNonce = token({ password: 'x', type: passwordDigest, created: now.toISOString() });
    assert.match((checkUsernameToken(noNonce, now, nonces) as { reason: string }).reason, /needs a wsse:Nonce/);
  });

  test('when the password type is unknown then it fails and names the type', () => {
    const other = token({ password: demoAccount.password, type: 'urn:example:kerberos' });
    assert.deepEqual(checkUsernameToken(other, now, new NonceCache()), {
      ok: false,
      reason: 'Unsupported password type urn:example:kerberos.',
    });
  });

  test("when the soap package's WSSecurity makes a digest token then the server's check accepts it", () => {
    const header = new soap.WSSecurity(demoAccount.username, demoAccount.password, {
      passwordType: 'PasswordDigest',
      hasTimeStamp: false,
    }).toXML();
    assert.equal(header.includes(demoAccount.password), false);
    assert.deepEqual(checkUsernameToken(security(header), new Date(), new NonceCache()), {
      ok: true,
      username: 'student',
    });
  });

  test('when the nonce cache is full then the oldest are forgotten and it stays bounded', () => {
    const cache = new NonceCache(3);
    for (const nonce of ['a', 'b', 'c', 'd']) assert.equal(cache.remember(nonce, 0), true);
    assert.equal(cache.remember('d', 0), false);
    assert.equal(cache.remember('a', 0), true, 'a was forgotten to make room');
  });
});
