/** Test helpers shared by the sandbox tests: a plain HTTP client and a clock tests can move. */
package dev.toolgate.sandbox.testing;
