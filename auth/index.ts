// Signed links, the secret, passwords, sessions and CSRF: pure node:crypto, shared by the
// worker (links in emails) and the web server (checking them).
export { createLinkBuilder, signLink, verifyLink, unitPath, officeAssignmentPath, DEFAULT_LINK_VALIDITY_DAYS, type LinkCheck, type LinkClaims, type NoticeLinks } from './links';
export { loadSecret, ensureSecretFile, SecretError } from './secret';
export { hashPassword, verifyPassword, generatePassword, isPasswordHash } from './passwords';
export { loadAccounts, parseUsers, ensureAdminPassword, AccountsError, ADMIN_USERNAME, type Account, type Role } from './accounts';
export { Sessions, DEFAULT_SESSION_HOURS, sessionKey, type Session, type SessionClaims } from './sessions';
export { csrfToken, verifyCsrf, type CsrfScope } from './csrf';
