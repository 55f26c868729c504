// Package pgtest gives tests a fresh PostgreSQL database each, so they can run in parallel on
// one server. The server is the one $ROLLCALL_TEST_POSTGRES names (.ci/run starts one and sets
// it); without it, a scratch server is started once per test process from Debian's postgresql
// binaries and stops when the process ends. Where no server binary exists the test is skipped,
// saying so, except under CI (CI=true), where a missing server is a failure.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// EnvURL names the variable holding the URL of a server tests may create databases on (as a
// superuser, or a role with CREATEDB).
const EnvURL = "ROLLCALL_TEST_POSTGRES"

var server struct {
	once  sync.Once
	url   string
	admin *pgxpool.Pool
	err   error
	skip  string
}

// URL returns the URL of a new, empty database, dropped when t ends.
func URL(t testing.TB) string {
	t.Helper()
	admin, base := adminPool(t)
	name := "rollcall_test_" + randomHex(8)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+name+" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'"); err != nil {
		t.Fatalf("pgtest: create database: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if _, err := admin.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("pgtest: drop database %s: %v", name, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("pgtest: %s: %v", EnvURL, err)
	}
	u.Path = "/" + name
	return u.String()
}

// ServerURL returns the URL of the server's maintenance database, for tests that manage
// databases themselves.
func ServerURL(t testing.TB) string {
	t.Helper()
	_, base := adminPool(t)
	return base
}

// adminPool connects once per process to the server, starting a scratch one when needed.
func adminPool(t testing.TB) (*pgxpool.Pool, string) {
	t.Helper()
	server.once.Do(func() {
		base := os.Getenv(EnvURL)
		if base == "" {
			if os.Getenv("CI") == "true" {
				server.err = fmt.Errorf("%s is not set: .ci/run starts a scratch PostgreSQL and sets it", EnvURL)
				return
			}
			base, server.skip, server.err = startScratch()
			if server.skip != "" || server.err != nil {
				return
			}
		}
		server.url = base
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		server.admin, server.err = pgxpool.New(ctx, base)
		if server.err == nil {
			server.err = waitReady(ctx, server.admin)
		}
	})
	if server.skip != "" {
		t.Skip(server.skip)
	}
	if server.err != nil {
		t.Fatalf("pgtest: %v", server.err)
	}
	return server.admin, server.url
}

// waitReady pings until the server answers (a scratch server may still be starting).
func waitReady(ctx context.Context, p *pgxpool.Pool) error {
	for {
		err := p.Ping(ctx)
		if err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("server does not answer: %w", errors.Join(err, ctx.Err()))
		case <-time.After(100 * time.Millisecond):
		}
	}
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// Exec runs statements on the database of url, for tests that set a database up by hand (an
// older or newer schema).
func Exec(t testing.TB, dbURL string, sql ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatalf("pgtest: connect: %v", err)
	}
	defer conn.Close(ctx)
	for _, q := range sql {
		if _, err := conn.Exec(ctx, q); err != nil {
			t.Fatalf("pgtest: %s: %v", q, err)
		}
	}
}
