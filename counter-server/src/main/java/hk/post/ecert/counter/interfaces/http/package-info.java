/** What every HTTP request passes through before a screen, the login or the API sees it. */
package hk.post.ecert.counter.interfaces.http;
