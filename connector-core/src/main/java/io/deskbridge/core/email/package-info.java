/** E-mail understanding: what a customer's e-mail says without its history, and which e-mails the bot never answers. */
package io.deskbridge.core.email;
