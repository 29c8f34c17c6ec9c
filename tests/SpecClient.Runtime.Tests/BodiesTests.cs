using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SpecClient.Runtime.Tests.Bodies;
using SpecClient.Runtime.Tests.Infrastructure;
using Xunit;
using static SpecClient.Runtime.Tests.Infrastructure.TestData;

namespace SpecClient.Runtime.Tests;

/// <summary>
/// The bytes on the wire of the bodies that are not JSON (forms, multipart, streams, text), of query parameters in
/// each style, and the text and stream responses, through a client generated from Specs/bodies.yaml.
/// </summary>
public class BodiesTests
{
    private static BodiesClient Client(HttpMessageHandler handler) => new(new HttpClient(handler, disposeHandler: false), new Uri("https://api.example.com/"));

    [Fact]
    public async Task FormBodyWritesFieldsByTheirEncoding()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, """{"access_token":"t"}""");

        await Client(stub).Bodies.CreateTokenAsync(new TokenRequest
        {
            GrantType = "client_credentials",
            Scopes = new List<string> { "read", "write all" },
            Client = new FileMetadata { Owner = "ada", Tags = new List<string> { "x", "y" } },
        });

        RecordedRequest request = stub.Single();
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal("grant_type=client_credentials&scopes=read%2Cwrite+all&client%5Bowner%5D=ada&client%5Btags%5D=x&client%5Btags%5D=y", request.Body);
    }

    [Fact]
    public async Task MultipartSendsFilesTextAndJsonParts()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.Created);

        await Client(stub).Bodies.UploadFileAsync(new UploadFileParams
        {
            File = new FilePart(new MemoryStream(Encoding.UTF8.GetBytes("hello")), "a.txt", "text/plain"),
            Attachments = new List<FilePart> { new(new MemoryStream(new byte[] { 1, 2 }), "b.bin") },
            Title = "Report",
            Copies = 2,
            Metadata = new FileMetadata { Owner = "ada" },
        });

        RecordedRequest request = stub.Single();
        Assert.StartsWith("multipart/form-data; boundary=", request.ContentType);
        string body = request.Body!;
        Assert.Contains("Content-Type: text/plain\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"", body);
        Assert.Contains("\r\n\r\nhello\r\n", body);
        Assert.Contains("Content-Type: application/octet-stream\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"b.bin\"", body);
        Assert.Contains("Content-Disposition: form-data; name=\"title\"\r\n\r\nReport\r\n", body);
        Assert.Contains("Content-Disposition: form-data; name=\"copies\"\r\n\r\n2\r\n", body);
        Assert.Contains("Content-Type: application/json\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n{\"owner\":\"ada\"}\r\n", body);
        Assert.True(body.IndexOf("name=\"file\"", StringComparison.Ordinal) < body.IndexOf("name=\"metadata\"", StringComparison.Ordinal), "parts keep the spec's order");
    }

    [Fact]
    public async Task MultipartWithoutItsRequiredFileThrowsBeforeSending()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.Created);

        await Assert.ThrowsAsync<ArgumentNullException>(() => Client(stub).Bodies.UploadFileAsync(new UploadFileParams { File = null! }));
        Assert.Equal(0, stub.CallCount);
    }

    [Fact]
    public async Task StreamBodyIsSentAsItsBytesWithItsMediaType()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.NoContent);

        await Client(stub).Bodies.PutFileContentAsync("f1", new MemoryStream(Encoding.ASCII.GetBytes("raw bytes")));

        RecordedRequest request = stub.Single();
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal("https://api.example.com/files/f1/content", request.Uri.AbsoluteUri);
        Assert.Equal("application/octet-stream", request.ContentType);
        Assert.Equal("raw bytes", request.Body);
    }

    [Fact]
    public async Task TextBodyAndTextResponse()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, "stored: été", "text/plain; charset=utf-8");

        string answer = await Client(stub).Bodies.AddNoteAsync(new AddNoteParams { Body = "été" });

        RecordedRequest request = stub.Single();
        Assert.Equal("text/plain; charset=utf-8", request.ContentType);
        Assert.Equal("été", request.Body);
        Assert.Equal("stored: été", answer);
        Assert.Equal("text/plain", Assert.Single(request.Accept));
    }

    [Fact]
    public async Task ObjectAndListQueryParametersFollowTheirStyles()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.OK, "a,b", "text/csv");

        using Stream csv = await Client(stub).Bodies.SearchAsync(new SearchParams
        {
            Filter = new Filter { Status = "open", MinSize = 3 },
            Page = new Page { X = 1, Y = 2 },
            Point = new Page { X = 5, Y = 6 },
            Ids = new List<long> { 1, 2 },
            Words = new List<string> { "a b", "c" },
        });

        Assert.Equal(
            "https://api.example.com/search?filter%5Bstatus%5D=open&filter%5BminSize%5D=3&x=1&y=2&point=x%2C5%2Cy%2C6&ids=1%7C2&words=a%20b%20c",
            stub.Single().Uri.AbsoluteUri);
        Assert.Equal("a,b", await new StreamReader(csv).ReadToEndAsync());
    }

    [Fact]
    public async Task DownloadedStreamIsNotBufferedAndDisposesTheResponse()
    {
        var source = new TrackingStream(new byte[] { 1, 2, 3 });
        var handler = new ResponseHandler(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new TrackingContent(source) });

        Stream body = await Client(handler).Bodies.DownloadFileAsync("f1");

        // Nothing has been read before the caller reads.
        Assert.Equal(0, source.BytesRead);
        Assert.False(source.Disposed);
        var buffer = new byte[8];
        Assert.Equal(3, await body.ReadAsync(buffer));
        Assert.Equal(3, source.BytesRead);

        await body.DisposeAsync();
        Assert.True(source.Disposed);
        Assert.True(handler.Response!.Content is TrackingContent { Disposed: true });
    }

    [Fact]
    public async Task DownloadErrorThrowsTheTypedApiExceptionInsteadOfAStream()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.NotFound, """{"detail":"no such file"}""");

        ApiException exception = await Assert.ThrowsAsync<ApiException>(() => Client(stub).Bodies.DownloadFileAsync("f1"));

        Assert.Equal(404, (int)exception.StatusCode);
        Assert.Equal("no such file", Assert.IsType<Problem>(exception.Error).Detail);
    }

    [Fact]
    public async Task AnErrorShapedLikeAnEnvelopeIsTheErrorItselfForAnApiWithoutEnvelopes()
    {
        // The envelope is Atlas's convention, for operations that declare the parameter: this spec has none, so a body
        // with "status" and "content" fields is the error as the server wrote it, not a wrapper around another one.
        var stub = new StubHandler().RespondWith(HttpStatusCode.NotFound, """{"status":404,"content":{"detail":"inner"},"detail":"outer"}""");

        ApiException exception = await Assert.ThrowsAsync<ApiException>(() => Client(stub).Bodies.DownloadFileAsync("f1"));

        Assert.Equal("outer", Assert.IsType<Problem>(exception.Error).Detail);
    }

    [Fact]
    public async Task PathListIsSentCommaSeparatedAndAnEmptyOneIsRefused()
    {
        var stub = new StubHandler().RespondWith(HttpStatusCode.NoContent);

        await Client(stub).Bodies.GetBatchesAsync(new List<int> { 1, 22, 333 });
        await Assert.ThrowsAsync<ArgumentException>(() => Client(stub).Bodies.GetBatchesAsync(new List<int>()));

        Assert.Equal("https://api.example.com/batches/1,22,333", stub.Single().Uri.AbsoluteUri);
    }

    [Fact]
    public void FormOfAValueThatIsNotAnObjectIsRefused()
    {
        ArgumentException exception = Assert.Throws<ArgumentException>(() => RequestBodies.Form("text", BodiesClientJsonContext.Default.String));

        Assert.Contains("must be an object", exception.Message);
    }

    [Fact]
    public async Task TextBodyKeepsTheCharsetItIsGiven()
    {
        using HttpContent content = RequestBodies.Text("é", "text/plain; charset=iso-8859-1");

        Assert.Equal(new byte[] { 0xE9 }, await content.ReadAsByteArrayAsync());
        Assert.Equal("text/plain; charset=iso-8859-1", content.Headers.ContentType!.ToString());
    }

    [Fact]
    public void BinaryBodyIsNotReadBeforeItIsSent()
    {
        var source = new TrackingStream(new byte[] { 1, 2, 3 });

        using HttpContent content = RequestBodies.Binary(source, "image/png");

        Assert.Equal(0, source.BytesRead);
        Assert.Equal("image/png", content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public void StructuredValuesRefuseValuesNestedTooDeep()
    {
        string json = new string('[', 40) + "1" + new string(']', 40);
        var pairs = new List<KeyValuePair<string, string>>();

        Assert.Throws<ArgumentException>(() => StructuredValues.Write("q", System.Text.Json.JsonDocument.Parse(json).RootElement, ParameterStyle.DeepObject, true, pairs));
    }

    [Fact]
    public void ExplodedFormObjectWritesEachPropertyAsItsOwnKeyAndNestedOnesDeep()
    {
        var pairs = new List<KeyValuePair<string, string>>();

        StructuredValues.Write("ignored", System.Text.Json.JsonDocument.Parse("""{"a":1,"b":{"c":true},"d":null,"e":["x","y"]}""").RootElement, ParameterStyle.Form, true, pairs);

        Assert.Equal(new[] { "a=1", "b[c]=true", "e=x", "e=y" }, pairs.ConvertAll(p => p.Key + "=" + p.Value));
    }

    private sealed class ResponseHandler(Func<HttpResponseMessage> respond) : HttpMessageHandler
    {
        public HttpResponseMessage? Response { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(Response = respond());
    }

    private sealed class TrackingContent(Stream stream) : StreamContent(stream)
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }

    private sealed class TrackingStream(byte[] bytes) : MemoryStream(bytes)
    {
        // What has been read: the position of a stream only read forwards.
        public long BytesRead => Disposed ? -1 : Position;

        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
