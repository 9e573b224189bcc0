// The native argon2 module is loaded on the first sign-in or password change, not at start-up
// (~20 ms of every `npm start`, for something most requests never need).
let argon2: Promise<typeof import('@node-rs/argon2')> | undefined
const loadArgon2 = () => (argon2 ??= import('@node-rs/argon2'))

// Algorithm.Argon2id; the package exports it as an ambient const enum, which isolated modules cannot read.
const ARGON2ID = 2

// argon2id with the OWASP-recommended minimum (19 MiB, 2 passes).
const options = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 }

export const hashPassword = async (password: string) => (await loadArgon2()).hash(password, options)

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  const { verify } = await loadArgon2()
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

// Verified against when the user does not exist, so a wrong username costs as long as a wrong password.
let dummyHash: Promise<string> | undefined
export const dummyPasswordHash = () => (dummyHash ??= hashPassword('not-a-real-password'))

/** Why a new password is refused, or null when it is acceptable. */
export function passwordWeakness(password: string, username: string): string | null {
  if (password.length < 8) return 'must have at least 8 characters'
  if (password.length > 128) return 'must have at most 128 characters'
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return 'must mix letters and digits'
  if (password.toLowerCase().includes(username.toLowerCase()))
    return 'must not contain the username'
  return null
}
