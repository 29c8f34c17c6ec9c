using System.Net.Http;
using System.Threading;

namespace SpecClient.Runtime;

/// <summary>
/// Where <see cref="ApiResponse.CaptureAsync{T}"/> receives the response of the call it runs: an async-local slot that
/// flows into the call, which <see cref="ApiConnection"/> fills when a response arrives.
/// </summary>
internal sealed class ResponseCapture
{
    private static readonly AsyncLocal<ResponseCapture?> s_current = new();

    public ApiResponse? Response { get; private set; }

    /// <summary>Opens a slot for the calls that run in this async flow from now on.</summary>
    public static ResponseCapture Begin()
    {
        var capture = new ResponseCapture();
        s_current.Value = capture;
        return capture;
    }

    /// <summary>Records a successful response if a capture is open (one async-local read otherwise).</summary>
    public static void Record(HttpResponseMessage response)
    {
        if (s_current.Value is ResponseCapture capture)
        {
            capture.Response = ApiResponse.From(response);
        }
    }
}
