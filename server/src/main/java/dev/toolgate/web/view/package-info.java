/** View models of the dashboard's templates: plain records, no behaviour beyond small display helpers. */
package dev.toolgate.web.view;
