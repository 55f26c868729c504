// Package model owns Rollcall's domain types and pure rules: profiles, users, classes, admins,
// validation, login and code generation. It depends on the standard library only and takes time
// and randomness as parameters, so every rule is testable without a clock or a store.
package model
