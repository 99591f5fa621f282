/** The contract test kit that every vendor module extends against its fake from mock-servers. */
package io.deskbridge.core.contract;
