import { JWT_COOKIE_NAME, SECURE_JWT_COOKIE_NAME } from '@taskwise/contracts/auth'
import { describe, expect, test } from 'vitest'
import { cookieFromRequest, cookieValueFromSetCookie, jwtCookieFor } from './jwt-cookie'

describe('jwtCookieFor', () => {
  test('under https the cookie is __Secure- prefixed and Secure; always httpOnly and Lax', () => {
    expect(jwtCookieFor('https://taskwise.example')).toEqual({
      name: SECURE_JWT_COOKIE_NAME,
      attributes: { httpOnly: true, sameSite: 'lax', path: '/', secure: true },
    })
  })

  test('under plain http (development) it is neither', () => {
    expect(jwtCookieFor('http://localhost:3000')).toEqual({
      name: JWT_COOKIE_NAME,
      attributes: { httpOnly: true, sameSite: 'lax', path: '/', secure: false },
    })
  })
})

describe('cookieValueFromSetCookie', () => {
  test('finds the named cookie among several, decoding its value', () => {
    const headers = [
      'other=1; Path=/',
      `${JWT_COOKIE_NAME}=a%2Eb.c; Path=/; HttpOnly; SameSite=Lax`,
      'last=2',
    ]
    expect(cookieValueFromSetCookie(headers, JWT_COOKIE_NAME)).toBe('a.b.c')
  })

  test('matches the whole name, not a prefix or suffix of another', () => {
    const headers = [`x${JWT_COOKIE_NAME}=wrong`, `${JWT_COOKIE_NAME}x=wrong`]
    expect(cookieValueFromSetCookie(headers, JWT_COOKIE_NAME)).toBeUndefined()
  })

  test('a cookie being cleared (empty value) has no value; a header without "=" is skipped', () => {
    expect(cookieValueFromSetCookie([`${JWT_COOKIE_NAME}=; Max-Age=0`], JWT_COOKIE_NAME)).toBe(
      undefined,
    )
    expect(
      cookieValueFromSetCookie(
        ['garbage', '', `${JWT_COOKIE_NAME}x`, ` ${JWT_COOKIE_NAME} = v `],
        JWT_COOKIE_NAME,
      ),
    ).toBe('v')
  })

  test('the first cookie of that name wins', () => {
    const headers = [`${JWT_COOKIE_NAME}=first`, `${JWT_COOKIE_NAME}=second`]
    expect(cookieValueFromSetCookie(headers, JWT_COOKIE_NAME)).toBe('first')
  })
})

describe('cookieFromRequest', () => {
  const requestWith = (cookie?: string) =>
    new Request('http://localhost/', cookie === undefined ? {} : { headers: { cookie } })

  test('reads the named cookie of a Cookie header, decoding its value', () => {
    const request = requestWith(`a=1; ${JWT_COOKIE_NAME}=x%20y; b=2`)
    expect(cookieFromRequest(request, JWT_COOKIE_NAME)).toBe('x y')
  })

  test('nothing when there is no Cookie header, no such cookie, or it is empty', () => {
    expect(cookieFromRequest(requestWith(), JWT_COOKIE_NAME)).toBeUndefined()
    expect(cookieFromRequest(requestWith('a=1; flag'), JWT_COOKIE_NAME)).toBeUndefined()
    expect(
      cookieFromRequest(requestWith(`a=1; ${JWT_COOKIE_NAME}x`), JWT_COOKIE_NAME),
    ).toBeUndefined()
    expect(cookieFromRequest(requestWith(`${JWT_COOKIE_NAME}=`), JWT_COOKIE_NAME)).toBeUndefined()
    expect(cookieFromRequest(requestWith(`x${JWT_COOKIE_NAME}=v`), JWT_COOKIE_NAME)).toBeUndefined()
  })

  test('spaces around a value are not part of it', () => {
    const request = requestWith(`${JWT_COOKIE_NAME}= a.b.c ; other=1`)
    expect(cookieFromRequest(request, JWT_COOKIE_NAME)).toBe('a.b.c')
  })

  test('the value keeps any "=" after the first', () => {
    expect(cookieFromRequest(requestWith(`${JWT_COOKIE_NAME}=a=b=`), JWT_COOKIE_NAME)).toBe('a=b=')
  })
})
