/**
 * Benchmark helpers: the plain-Jetty ceiling every figure is compared with, and its command.
 * May import Jetty, picocli and slf4j; never spec or storage (the ceiling does no Open311 work).
 */
package dev.open311.api.bench;
