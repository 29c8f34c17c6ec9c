using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polly.Timeout;

namespace SpecClient.Runtime;

/// <summary>
/// Turns the resilience pipeline's timeouts into the <see cref="TimeoutException"/> that <see cref="ApiConnection"/>
/// documents, naming the call: the runtime knows nothing of Polly, so the chain that brings Polly translates its
/// exception. Sits outside the resilience handler.
/// </summary>
internal sealed class TimeoutHandler : DelegatingHandler
{
    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException exception)
        {
            // The attempt or total timeout (SpecClientOptions.AttemptTimeout / Timeout).
            throw new TimeoutException($"{ApiConnection.Describe(request)} timed out: no response within {ApiConnection.Seconds(exception.Timeout)}.", exception);
        }
    }
}
