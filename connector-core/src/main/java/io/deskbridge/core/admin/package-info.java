/**
 * The admin dashboard at {@code /admin}: a static page (HTML, JavaScript, CSS and the bundled uPlot charting library,
 * no build step) over a JSON API under {@code /admin/api} that reads the store's decision records, protected by the
 * admin token ({@code admin.token}, a secret) and off when none is configured.
 */
package io.deskbridge.core.admin;
