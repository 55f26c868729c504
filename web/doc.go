// Package web serves the pages people open from their login cards: /activate (the card's QR
// code lands there), /login and /account, /reset. It is a face, as the console is: net/http and
// html/template handlers that call app, which holds every rule (password policies, attempt
// limits, codes, sessions). Only cmd imports it.
//
// Every page is plain server-rendered HTML that works without JavaScript; one small script
// (static/rules.js) only shows the password rules being met while the person types. Every form
// carries a CSRF token, cookies are HttpOnly and SameSite=Strict (Secure under TLS), and the
// Content-Security-Policy allows nothing but this server's own style sheet and script.
package web
