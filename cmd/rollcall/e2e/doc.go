// Package e2e drives the built rollcall binary from the outside: the console in a real terminal
// (tmux), as a person would. It is its own package so its helpers never collide with the CLI's
// own tests in package main; the tests build the binary they run.
package e2e
