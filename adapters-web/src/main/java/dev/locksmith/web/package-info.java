/**
 * The Locksmith web console: {@link dev.locksmith.web.LocksmithConsole}, a servlet a host mounts in its own
 * container, and {@link dev.locksmith.web.WebServer}, which runs it on embedded Jetty.
 */
package dev.locksmith.web;
